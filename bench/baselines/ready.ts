/**
 * Baseline of the console startup figure, fixed once (issue #11): print "ready" and, like the
 * console reading its piped input, stay until that input ends (so its memory can be read).
 */
console.log('ready');
process.stdin.resume();

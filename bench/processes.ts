/**
 * Processes for the process-level figures: the bot and each baseline are launched the same way
 * (the same runner and flags), in a process group of their own so that stopping one stops npm,
 * the TypeScript runner and the program alike, and never anything else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a launched process inherits: enough to run npm and node, nothing of the caller's settings. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

export interface Launched {
  child: ChildProcess;
  /** The exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals>;
  /** The last few kilobytes of its output, for error messages. */
  output(): string;
  /** SIGTERM to the whole group, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<number | NodeJS.Signals>;
}

/**
 * `node --import tsx SCRIPT`, as the process tests start the bot. With BENCH_CPU_PROF=DIR set,
 * each such process also writes a CPU profile into DIR when it exits (for finding hot spots).
 */
export function launchNode(script: string, env: Record<string, string>): Launched {
  const dir = process.env.BENCH_CPU_PROF;
  const profile = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
  return launch(process.execPath, [...profile, '--import', 'tsx', script], env);
}

/** `npm ARGS…` from the repository, as a person types `npm start`. */
export function launchNpm(args: readonly string[], env: Record<string, string>): Launched {
  return launch('npm', args, env);
}

function launch(command: string, args: readonly string[], env: Record<string, string>): Launched {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...baseEnv(), ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'SIGKILL')));
  return {
    child,
    exited,
    output: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // The group id is the child's pid (detached): npm, its shell, the runner and the program.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once GET /healthz answers 200; rejects when the process exits or `timeoutMs` passes. */
export async function waitForHealth(port: number, launched: Launched, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  let exited = false;
  void launched.exited.then(() => (exited = true));
  while (performance.now() < until) {
    if (exited) throw new Error(`exited before /healthz answered:\n${launched.output()}`);
    if ((await healthStatus(port)) === 200) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`/healthz did not answer within ${timeoutMs} ms:\n${launched.output()}`);
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', method: 'GET', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}

/**
 * The program a launch runs: the deepest process below it, since npm, its shell and the TypeScript
 * runner's launcher sit above the program in the same way for ours and for each baseline.
 */
export function programPid(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // The process ended while the list was read.
    if (!fields.length) continue;
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  // Down through node processes, and through others only on the way to one: npm's shell is not
  // node, while a helper the program itself starts (tsx's esbuild service) is not the program.
  const isNode = (pid: number) => readProc(pid, 'comm').trim() === 'node';
  const leadsToNode = (pid: number): boolean => isNode(pid) || (children.get(pid) ?? []).some(leadsToNode);
  const below = (pid: number) => children.get(pid)?.find(isNode) ?? children.get(pid)?.find(leadsToNode);
  let pid = rootPid;
  for (let next = below(pid); next !== undefined; next = below(pid)) pid = next;
  return pid;
}

/** Resident memory (bytes) of the program a launch runs. */
export function programRss(rootPid: number): number {
  const pid = programPid(rootPid);
  const status = readProc(pid, 'status');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}

/**
 * Linux reports CPU times in /proc in USER_HZ, fixed at 100 a second for user space whatever the
 * kernel's own tick (sysconf(_SC_CLK_TCK), which Node does not expose).
 */
const MS_PER_TICK = 10;

/** CPU time (ms, user + system) the process `pid` has used so far, its threads included. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of /proc/PID/stat; `fields` starts at field 3.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`no CPU times for process ${pid}`);
  return ticks * MS_PER_TICK;
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces): the state first, then the parent. Empty when the process is gone. */
function statFields(pid: number): string[] {
  const stat = readProc(pid, 'stat');
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : [];
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

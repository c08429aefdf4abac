/**
 * startup: `npm start` as a person runs it, to its first output for a piped `/yakjeong help`
 * (the console) and to GET /healthz answering 200 (Slack in HTTP mode, against the fake Slack),
 * each against a baseline launched the same way (npm and the same TypeScript runner): a one-line
 * script printing "ready", and the do-nothing Bolt app. Memory is the program's resident set at
 * that moment (the process running the script, below npm and the runner's launcher).
 */
import { join } from 'node:path';
import { FakeSlack } from '../test/slack/fake-slack.js';
import { atMost, figure, median, type Bench, type Figure } from './figure.js';
import { scratchDatabase } from './fixture.js';
import { freePort, launchNpm, programRss, waitForHealth, type Launched } from './processes.js';

const RUNS = 7;
const OURS = ['start'];
const baselineArgs = (name: string) => ['run', 'bench', '--', '--baseline', name];

interface Start {
  ms: number;
  rss: number;
}

/** Launches, waits until `ready` says the program is up, reads its memory, and ends it. */
async function startOnce(args: readonly string[], env: Record<string, string>, ready: (launched: Launched) => Promise<void>): Promise<Start> {
  const started = performance.now();
  const launched = launchNpm(args, env);
  try {
    await ready(launched);
    const ms = performance.now() - started;
    return { ms, rss: programRss(launched.child.pid!) };
  } finally {
    launched.child.stdin!.end();
    await launched.stop();
  }
}

/** The console's first output, with `/yakjeong help` piped in and the pipe left open until then. */
function firstOutput(launched: Launched): Promise<void> {
  return new Promise((resolve, reject) => {
    launched.child.stdout!.once('data', () => resolve());
    void launched.exited.then((code) => reject(new Error(`exited (${code}) before any output:\n${launched.output()}`)));
    launched.child.stdin!.write('/yakjeong help\n');
  });
}

/** Ours and its baseline, alternately, after one discarded start of each (the runner's transform cache, the OS's file cache). */
async function compare(ours: () => Promise<Start>, baseline: () => Promise<Start>): Promise<{ ours: Start[]; baseline: Start[] }> {
  const out = { ours: [] as Start[], baseline: [] as Start[] };
  for (let run = -1; run < RUNS; run++) {
    const o = await ours();
    const b = await baseline();
    if (run < 0) continue;
    out.ours.push(o);
    out.baseline.push(b);
  }
  return out;
}

function startFigures(name: string, runs: { ours: Start[]; baseline: Start[] }): Figure[] {
  const ms = median(runs.ours.map((s) => s.ms));
  const baseMs = median(runs.baseline.map((s) => s.ms));
  const mb = median(runs.ours.map((s) => s.rss)) / 2 ** 20;
  const baseMb = median(runs.baseline.map((s) => s.rss)) / 2 ** 20;
  return [
    figure({ name, value: ms, unit: 'ms', baseline: baseMs, ratio: ms / baseMs, target: atMost(1.5) }),
    figure({ name: `${name}-rss`, value: mb, unit: 'MB', baseline: baseMb, ratio: mb / baseMb, target: atMost(1.5) }),
  ];
}

export const startupBench: Bench = {
  name: 'startup',
  figures: ['startup-console', 'startup-console-rss', 'startup-http', 'startup-http-rss'],
  async run(note) {
    const scratch = scratchDatabase('startup');
    scratch.database.close();
    const fake = new FakeSlack();
    await fake.start();
    try {
      const consoleEnv = { DATABASE_PATH: scratch.path, YAKJEONG_OUT_DIR: join(scratch.path, '..', 'out'), YAKJEONG_LOCALE: 'en' };
      const terminal = await compare(
        () => startOnce(OURS, consoleEnv, firstOutput),
        () => startOnce(baselineArgs('ready'), consoleEnv, firstOutput),
      );
      const httpStart = async (args: readonly string[]) => {
        const port = await freePort();
        const env = { ...consoleEnv, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: fake.apiUrl, PORT: String(port) };
        return startOnce(args, env, (launched) => waitForHealth(port, launched));
      };
      const http = await compare(
        () => httpStart(OURS),
        () => httpStart(baselineArgs('slack-app')),
      );
      const list = (xs: Start[]) => xs.map((s) => `${s.ms.toFixed(0)} ms/${(s.rss / 2 ** 20).toFixed(0)} MB`).join(', ');
      note(`startup console: ours ${list(terminal.ours)}; ready ${list(terminal.baseline)}`);
      note(`startup http: ours ${list(http.ours)}; bolt ${list(http.baseline)}`);
      return [...startFigures('startup-console', terminal), ...startFigures('startup-http', http)];
    } finally {
      await fake.close();
      scratch.dispose();
    }
  },
};

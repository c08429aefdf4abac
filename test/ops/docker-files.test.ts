/**
 * The Dockerfile, .dockerignore and docker-compose.yml, checked without a container engine: the
 * image an operator builds runs as a non-root user on node:20-slim, keeps the SQLite file in a
 * volume, reports health through /healthz on the port it exposes, installs only production
 * dependencies and starts the bot; secrets and local data never enter the build context.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envOf, execForm, readDockerfile } from './dockerfile.js';

const instructions = readDockerfile();
const all = (keyword: string) => instructions.filter((i) => i.keyword === keyword);
const one = (keyword: string) => {
  const found = all(keyword);
  expect(found, keyword).toHaveLength(1);
  return found[0]!.args;
};
const env = envOf(instructions);

describe('Dockerfile', () => {
  it('builds on node:20-slim', () => {
    expect(one('FROM')).toBe('node:20-slim');
  });

  it('installs production dependencies from the lock file', () => {
    const runs = all('RUN').map((r) => r.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && r.includes('--omit=dev'))).toBe(true);
    expect(runs.some((r) => /\bnpm (install|i)\b/.test(r))).toBe(false);
    expect(all('COPY')[0]!.args).toMatch(/package-lock\.json/);
  });

  it('runs as a user that is not root, declared after the last RUN', () => {
    const user = one('USER');
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const lastRun = instructions.map((i) => i.keyword).lastIndexOf('RUN');
    expect(instructions.findIndex((i) => i.keyword === 'USER')).toBeGreaterThan(lastRun);
  });

  it('keeps the SQLite file in a volume', () => {
    const volumes = execForm(one('VOLUME'));
    const databasePath = env.get('DATABASE_PATH');
    expect(databasePath).toBeDefined();
    expect(volumes.some((v) => databasePath!.startsWith(`${v}/`))).toBe(true);
  });

  it('exposes the port the bot listens on', () => {
    expect(one('EXPOSE')).toBe(env.get('PORT'));
  });

  it('checks health at /healthz with node, not curl or wget', () => {
    const healthcheck = one('HEALTHCHECK');
    const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD')));
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/healthz');
    expect(command.join(' ')).toContain('process.env.PORT');
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts the bot as `npm start` does, with node as the main process', () => {
    const command = execForm(one('CMD'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(command[0]).toBe('node');
    // npm's script execs the same command, so the bot is npm's child and gets its signals.
    expect(`exec ${command.join(' ')}`).toBe(pkg.scripts.start);
  });

  it('builds the web page and the compiled start as root, after the sources are copied, before the user that cannot write the code takes over', () => {
    const runs = all('RUN').map((r) => r.args);
    const building = instructions.findIndex((i) => i.keyword === 'RUN' && i.args.includes('node scripts/main-bundle.mjs'));
    expect(building).toBeGreaterThan(instructions.findIndex((i) => i.keyword === 'COPY' && i.args.startsWith('. ')));
    expect(runs.some((r) => r.includes('scripts/build-web.ts') && r.includes('node scripts/main-bundle.mjs'))).toBe(true);
  });

  it("installs the dependencies with only what the first COPYs bring: npm's prepare is among them, builds nothing and succeeds", () => {
    const install = instructions.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    const layer = mkdtempSync(join(tmpdir(), 'yakjeong-deps-layer-'));
    try {
      for (const copy of instructions.slice(0, install).filter((i) => i.keyword === 'COPY')) {
        const [destination, ...sources] = copy.args.split(/\s+/).reverse();
        for (const source of sources) {
          const into = destination!.endsWith('/') ? join(layer, destination!, basename(source)) : join(layer, destination!);
          mkdirSync(dirname(into), { recursive: true });
          copyFileSync(source, into);
        }
      }
      const prepare = spawnSync('npm', ['run', 'prepare'], { cwd: layer, encoding: 'utf8' });
      expect(prepare.status, prepare.stderr).toBe(0);
      expect(prepare.stderr).toContain('nothing to build');
    } finally {
      rmSync(layer, { recursive: true, force: true });
    }
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync('.dockerignore', 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps secrets, local data and installed modules out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', 'data', '*.db', '.git']));
    // The example settings are documentation, not secrets.
    expect(ignored).toContain('!.env.example');
  });

  it('keeps what the bot needs at run time', () => {
    for (const needed of ['src', 'adapters', 'migrations', 'assets', 'scripts', 'package.json', 'package-lock.json']) {
      expect(ignored, needed).not.toContain(needed);
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = readFileSync('docker-compose.yml', 'utf8');
  const active = compose
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');

  it('mounts a named volume where the image keeps its data, and reads secrets from .env', () => {
    const volume = execForm(one('VOLUME'))[0]!;
    expect(active).toMatch(new RegExp(`- yakjeong-data:${volume}\\b`));
    expect(active).toMatch(/^volumes:\n\s+yakjeong-data:/m);
    expect(active).toMatch(/env_file: \.env/);
    expect(active).not.toMatch(/TOKEN|SECRET|PASSWORD/);
  });

  it('publishes the exposed port', () => {
    expect(active).toContain(`"${env.get('PORT')}:${env.get('PORT')}"`);
  });
});

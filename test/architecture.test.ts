import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** es-hangul is pure text (Korean particles): no I/O, no platform, nothing to keep out of core. */
const ALLOWED = [/^date-fns(\/|$)/, /^@date-fns\/tz$/, /^zod(\/|$)/, /^es-hangul$/];

function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

describe('core boundary', () => {
  const coreDir = join(process.cwd(), 'src/core');

  it('imports only date-fns, @date-fns/tz, zod, es-hangul and itself', () => {
    const offenders: string[] = [];
    for (const file of files(coreDir)) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = join(file, '..', spec);
          if (relative(coreDir, target).startsWith('..')) offenders.push(`${relative(process.cwd(), file)} -> ${spec}`);
        } else if (!ALLOWED.some((re) => re.test(spec))) {
          offenders.push(`${relative(process.cwd(), file)} -> ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the checker catches a forbidden import', () => {
    const sample = "import Database from 'better-sqlite3';\nimport { x } from '../../adapters/slack/index.js';\nconst c = await import('@napi-rs/canvas');";
    const found = importsOf(sample);
    expect(found).toEqual(['better-sqlite3', '../../adapters/slack/index.js', '@napi-rs/canvas']);
    expect(found.filter((s) => !s.startsWith('.') && !ALLOWED.some((re) => re.test(s)))).toHaveLength(2);
  });

  it('no file but src/config.ts reads process.env', () => {
    const dirs = ['src', 'adapters'].map((d) => join(process.cwd(), d));
    const readers = dirs
      .flatMap(files)
      .filter((f) => /process\.env/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(process.cwd(), f));
    expect(readers).toEqual(['src/config.ts']);
  });
});

describe('adapter boundary', () => {
  const adaptersDir = join(process.cwd(), 'adapters');

  /** adapters/X/… importing adapters/Y/… with Y neither X nor shared. */
  function crossImports(file: string, source: string): string[] {
    const own = relative(adaptersDir, file).split(/[\\/]/)[0];
    return importsOf(source)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(adaptersDir, join(file, '..', spec)).split(/[\\/]/))
      .filter((parts) => parts[0] !== '..' && parts.length > 1 && parts[0] !== own && parts[0] !== 'shared')
      .map((parts) => `${relative(process.cwd(), file)} -> adapters/${parts.join('/')}`);
  }

  it('adapters never import one another; what they share is in adapters/shared', () => {
    const offenders = files(adaptersDir).flatMap((f) => crossImports(f, readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  /** Imports of src/core/actions (the button-id codec) from `file`. */
  function codecImports(file: string, source: string): string[] {
    return importsOf(source)
      .filter((spec) => spec.startsWith('.'))
      .filter((spec) => relative(process.cwd(), join(file, '..', spec)).replace(/\\/g, '/').replace(/\.[jt]s$/, '') === 'src/core/actions')
      .map((spec) => `${relative(process.cwd(), file)} -> ${spec}`);
  }

  it('renderers show what a button means from its intent, never by decoding its id: they do not import the codec', () => {
    const renderers = files(adaptersDir).filter((f) => /^[^\\/]+[\\/](blocks|render)\.ts$/.test(relative(adaptersDir, f)));
    expect(renderers.map((f) => relative(adaptersDir, f).replace(/\\/g, '/')).sort()).toEqual(['console/render.ts', 'discord/render.ts', 'slack/blocks.ts']);
    expect(renderers.flatMap((f) => codecImports(f, readFileSync(f, 'utf8')))).toEqual([]);
    // The checker itself: a renderer importing the codec is caught, a core view is not mistaken for it.
    const sample = "import { decodeAction } from '../../src/core/actions.js';\nimport type { View } from '../../src/core/views/reply.js';";
    expect(codecImports(join(adaptersDir, 'slack', 'blocks.ts'), sample)).toEqual(['adapters/slack/blocks.ts -> ../../src/core/actions.js']);
  });

  it('the checker catches a cross import and lets shared, own and core imports through', () => {
    const file = join(adaptersDir, 'discord', 'handler.ts');
    const sample = [
      "import { respondVia } from '../slack/conversation.js';",
      "import type { SlackAdapter } from '../slack/index.js';",
      "const c = await import('../console/render.js');",
      "import { DeliveryPolicy } from '../shared/delivery.js';",
      "import { renderView } from './render.js';",
      "import type { Engine } from '../../src/core/engine.js';",
    ].join('\n');
    expect(crossImports(file, sample)).toEqual([
      'adapters/discord/handler.ts -> adapters/slack/conversation.js',
      'adapters/discord/handler.ts -> adapters/slack/index.js',
      'adapters/discord/handler.ts -> adapters/console/render.js',
    ]);
  });
});

describe('the scheduler', () => {
  it('has no platform words: adapters translate platform errors into DeliveryError for it', () => {
    const dir = join(process.cwd(), 'src/infra/scheduler');
    const offenders = files(dir).filter((f) => /slack|discord/i.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(process.cwd(), f))).toEqual([]);
  });
});

describe('one clock', () => {
  /**
   * Time readings outside src/infra/clock.ts: Date.now (called, passed or destructured),
   * `new Date` and `Date()` with no argument, `new TZDate()`, `Intl.DateTimeFormat().format()`
   * and performance.now. Comments are dropped first; quoted strings stay, less any comment marks
   * in them, so `'a//b'` cannot hide the rest of its line.
   */
  function clockReadings(source: string): string[] {
    const code = source.replace(/('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (_, str: string | undefined) =>
      str === undefined ? '' : str.replace(/[/*]/g, ''),
    );
    const forms = [
      /\bDate\s*(?:\.\s*now\b|\[\s*['"`]now['"`]\s*\])/g,
      /\bnew\s+(?:globalThis\s*\.\s*)?Date\b(?!\s*\(\s*[^)\s])/g,
      /(?<!new\s+)(?<![\w.])Date\s*\(\s*\)/g,
      /\{[^}]*\bnow\b[^}]*\}\s*=\s*Date\b/g,
      /\bnew\s+TZDate\s*\(\s*\)/g,
      /DateTimeFormat\s*\([^)]*\)\s*\.\s*format\s*\(\s*\)/g,
      /\bperformance\s*\.\s*now\b/g,
    ];
    return forms.flatMap((re) => [...code.matchAll(re)].map((m) => m[0].replace(/\s+/g, ' ')));
  }

  it('reads time only through the Clock, the replay-window reading and the monotonic helper', () => {
    const clockFile = join('src', 'infra', 'clock.ts');
    const offenders = ['src', 'adapters']
      .map((d) => join(process.cwd(), d))
      .flatMap(files)
      .filter((f) => relative(process.cwd(), f) !== clockFile)
      .flatMap((f) => clockReadings(readFileSync(f, 'utf8')).map((r) => `${relative(process.cwd(), f)}: ${r}`));
    expect(offenders).toEqual([]);
  });

  it('the checker catches every form', () => {
    const sample = [
      'const a = Date.now();',
      'constructor(now = Date.now) {}',
      "const b = Date['now']();",
      'const { now } = Date;',
      'const c = new Date();',
      'const d = new Date;',
      'const e = new globalThis.Date();',
      'const f = Date();',
      'const g = new TZDate();',
      "const h = new Intl.DateTimeFormat('en').format();",
      'const i = performance.now();',
      "const j = 'a//b'; Date.now();",
      "const k = '/*'; Date.now(); const l = '*/';",
      'const fine = new Date(ms); // Date.now in a comment is fine',
      '/* new Date() */ Date.UTC(2026, 0, 1); new Date(x).getTime(); new TZDate(ms, tz);',
    ].join('\n');
    expect(clockReadings(sample)).toHaveLength(13);
    expect(clockReadings('new Date(ms); Date.UTC(1, 2); // Date.now()\n/* new Date() */')).toEqual([]);
  });
});

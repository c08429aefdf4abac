import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('.env.example', () => {
  it('lists every variable src/config.ts reads, and nothing else', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    const schemaKeys = [...source.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!).sort();
    const example = [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!).sort();
    expect(schemaKeys.length).toBeGreaterThan(10);
    expect(example).toEqual(schemaKeys);
  });
});

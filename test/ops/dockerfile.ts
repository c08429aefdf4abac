/** The repository's Dockerfile read as instructions, for the tests that check it without a container engine. */
import { readFileSync } from 'node:fs';

export interface Instruction {
  keyword: string;
  args: string;
}

export function readDockerfile(path = 'Dockerfile'): Instruction[] {
  const logical = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return logical
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The exec form `["a", "b"]` of an instruction's arguments (after options such as --interval=30s and a leading CMD). */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) throw new Error(`not an exec form: ${args}`);
  return parsed;
}

/** ENV instructions merged, in both the `KEY=value KEY2=value` and the old `KEY value` forms. */
export function envOf(instructions: Instruction[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const { keyword, args } of instructions) {
    if (keyword !== 'ENV') continue;
    if (!args.includes('=')) {
      const [key = '', ...value] = args.split(/\s+/);
      env.set(key, value.join(' '));
      continue;
    }
    for (const pair of args.split(/\s+/)) {
      const i = pair.indexOf('=');
      if (i > 0) env.set(pair.slice(0, i), pair.slice(i + 1).replace(/^"|"$/g, ''));
    }
  }
  return env;
}

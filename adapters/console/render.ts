/** Renders neutral views as terminal text or JSON lines. */
import type { View } from '../../src/core/views/reply.js';
import { plainText, type Rich } from '../../src/core/views/rich.js';
import type { ConsoleStrings } from './strings.js';

export interface NumberedButton {
  n: number;
  label: string;
  disabled: boolean;
}

export interface RenderedOutput {
  type: View['role'];
  text: string;
  ephemeral: boolean;
  to: string | null;
  buttons: NumberedButton[];
  image: string | null;
  files: string[];
  replaces: boolean;
}

/**
 * A view as terminal text. Rich text reads fine without its marks; people are named and
 * `time` writes instants (the console knows its reader's zone).
 */
export function viewText(view: View, time: (instant: number) => string): string {
  const text = (rich: Rich) => plainText(rich, { time });
  const lines: string[] = [];
  for (const block of view.blocks) {
    switch (block.type) {
      case 'header':
        lines.push(`━━ ${block.text} ━━`);
        break;
      case 'text':
        lines.push(text(block.text));
        break;
      case 'fields':
        for (const f of block.fields) lines.push(`  ${f.label}: ${text(f.value)}`);
        break;
      case 'context':
        lines.push(...text(block.text).split('\n').map((l) => `  ${l}`));
        break;
      case 'divider':
        lines.push('  ─────');
        break;
    }
  }
  return lines.join('\n');
}

export function formatOutput(out: RenderedOutput, words: Pick<ConsoleStrings, 'onlyFor' | 'off'>): string {
  const who = out.ephemeral && out.to ? `${words.onlyFor(out.to)}\n` : '';
  const replaced = out.replaces ? '↻ ' : '';
  const rows: string[] = [];
  let row: string[] = [];
  for (const b of out.buttons) {
    row.push(`[${b.n}] ${b.label}${b.disabled ? ` ${words.off}` : ''}`);
    if (row.length === 6) {
      rows.push(row.join('  '));
      row = [];
    }
  }
  if (row.length) rows.push(row.join('  '));
  const image = out.image ? `\n🖼  ${out.image}` : '';
  const files = out.files.map((f) => `\n📎 ${f}`).join('');
  return `${replaced}${who}${out.text}${rows.length ? `\n${rows.join('\n')}` : ''}${image}${files}\n`;
}

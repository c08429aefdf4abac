/** Small value parsers shared by the create and answer grammars. Each returns undefined on no match. */
import type { NamedBlock, UserRef } from '../domain/types.js';
import { parseTypedRange } from './times.js';

/** "90m", "1h", "1h30m", "1.5h", "2d", "30분", "1시간", "2일", "1시간 30분" → minutes. */
export function parseDurationMinutes(input: string): number | undefined {
  const s = input.trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return undefined;
  // Longer units first: with "h" before "hours", "1hour" stopped at "our".
  const re = /(\d+(?:\.\d+)?)(days?|d|일|hours?|hrs?|h|시간|minutes?|mins?|m|분)/gy;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const n = Number(m[1]);
    const unit = m[2]!;
    total += /^(d|day|days|일)$/.test(unit) ? n * 1440 : /^(h|hour|hours|hr|hrs|시간)$/.test(unit) ? n * 60 : n;
    consumed = re.lastIndex;
  }
  if (consumed !== s.length || total <= 0 || !Number.isFinite(total)) return undefined;
  return Math.round(total);
}

export function looksLikeClock(input: string): boolean {
  return /^\d{1,2}:\d{2}$/.test(input.trim());
}

/**
 * People as mentions: Slack "<@U123|ana>", Discord "<@123>" or "<@!123>", plain "@ana".
 * Ids are what the platform uses; a plain "@name" is its own id (console).
 */
export function parseUsers(input: string): UserRef[] | undefined {
  const parts = input.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: UserRef[] = [];
  for (const part of parts) {
    const platform = /^<@!?([A-Za-z0-9._-]+)(?:\|([^>]+))?>$/.exec(part);
    if (platform) {
      out.push({ id: platform[1]!, name: platform[2] ?? platform[1]! });
      continue;
    }
    const plain = /^@([^\s@<>]+)$/.exec(part);
    if (plain) {
      out.push({ id: plain[1]!, name: plain[1]! });
      continue;
    }
    return undefined;
  }
  const seen = new Set<string>();
  return out.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}

export function isMention(token: string): boolean {
  return /^(<@!?[A-Za-z0-9._-]+(\|[^>]+)?>|@[^\s@<>]+)[,]?$/.test(token);
}

/** "오전,오후,저녁" or "lunch=12:00-13:00,dinner=18:00-21:00". */
export function parseBlocks(input: string): NamedBlock[] | undefined {
  const parts = input.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const blocks: NamedBlock[] = [];
  for (const part of parts) {
    const [rawName, rawTimes, ...rest] = part.split('=');
    const name = (rawName ?? '').trim();
    if (!name || rest.length > 0 || name.length > 40) return undefined;
    if (blocks.some((b) => b.name.toLowerCase() === name.toLowerCase())) return undefined;
    if (rawTimes === undefined) {
      blocks.push({ name });
      continue;
    }
    const range = parseTypedRange(rawTimes);
    if (!range) return undefined;
    blocks.push({ name, start: toHm(range.start), end: toHm(range.end) });
  }
  return blocks;
}

/** Minutes → "HH:MM", keeping 24:00 as an end of day. */
export function toHm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function parseYesNo(input: string): boolean | undefined {
  const s = input.trim().toLowerCase();
  // 켜기/끄기 are how Korean settings say on and off ("usual learn 끄기").
  if (/^(yes|y|true|on|1|예|네|응|켜기|켜|켬|켜줘|켜 줘)$/.test(s)) return true;
  if (/^(no|n|false|off|0|아니오|아니요|아니|끄기|꺼|끔|꺼줘|꺼 줘)$/.test(s)) return false;
  return undefined;
}

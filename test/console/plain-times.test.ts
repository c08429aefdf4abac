/** The console, end to end in one process: a poll made and answered in plain words, echoed as concrete dates and times. */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { makeKit, T0, type TestKit } from '../helpers.js';
import { consoleAdapterOn } from '../support/console-on.js';

const kits: TestKit[] = [];
afterEach(() => {
  for (const k of kits.splice(0)) k.database.close();
});

async function runConsole(lines: readonly string[], locale: 'en' | 'ko'): Promise<string> {
  const kit = makeKit({ locale });
  kits.push(kit);
  const input = new PassThrough();
  const { adapter, output } = consoleAdapterOn(kit, input, { locale, outDir: '/tmp/yakjeong-plain-times-test' });
  await adapter.start();
  input.end(`${lines.join('\n')}\n`);
  await adapter.done;
  return output();
}

const TODAY = todayIn(T0, 'Asia/Seoul');
const nextWeek = (w: number) => addDays(TODAY, 7 - weekdayOf(TODAY) + w);
const md = (date: string) => date.split('-').slice(1).map(Number).join('/');

describe('plain-language times in the console', () => {
  it('answers "weekdays after 7pm" and shows each concrete day, in English', async () => {
    const out = await runConsole(
      ['/yakjeong create Dinner dates:next week time:18:00-23:00 slot:1h', 'as ann', '/yakjeong answer weekdays after 7pm'],
      'en',
    );
    const days = [0, 1, 2, 3, 4].map((w) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][w]} ${md(nextWeek(w))} 19:00–23:00`);
    expect(out).toContain(`Understood: ${days.join(', ')}`);
  });

  it('answers "다음 주 화요일 저녁, maybe:월수금 오전" in Korean, echoed with the dates first', async () => {
    const out = await runConsole(
      [`/yakjeong create 회의 dates:다음 주 time:09:00-22:00 slot:1h`, 'as 민지', '/yakjeong answer 다음 주 화요일 저녁, maybe:월수금 오전'],
      'ko',
    );
    const maybe = [0, 2, 4].map((w) => `${md(nextWeek(w))}(${['월', '화', '수', '목', '금'][w]}) 09:00–12:00`);
    expect(out).toContain(`이렇게 읽었어요: ${md(nextWeek(1))}(화) 18:00–22:00, maybe:${maybe.join(', ')}`);
  });
});

/** The console's own words (not the bot's), in the configured language. */
import type { Locale } from '../../src/core/domain/types.js';

export interface ConsoleStrings {
  onlyFor: (who: string) => string;
  off: string;
  noButton: (n: string) => string;
  othersButton: (n: string, owner: string) => string;
  commandsStart: string;
  typeHelp: string;
  sleepTooLong: (max: string) => string;
  welcome: string;
}

const en: ConsoleStrings = {
  onlyFor: (who) => `(only ${who} sees this)`,
  off: '(off)',
  noButton: (n) => `No button [${n}].`,
  othersButton: (n, owner) => `Button [${n}] is on ${owner}'s private message.`,
  commandsStart: 'Commands start with /yakjeong. Also: as NAME, click N, sleep SECONDS.',
  typeHelp: 'Type /yakjeong help, or: as NAME, click N, sleep SECONDS.',
  sleepTooLong: (max) => `sleep takes at most ${max} seconds (a year and a day), like sleep 3600 for an hour.`,
  welcome: 'Yakjeong console — type /yakjeong help. Also: as NAME, click N, sleep SECONDS. Ctrl-D quits.',
};

const ko: ConsoleStrings = {
  onlyFor: (who) => `(${who}님에게만 보여요)`,
  off: '(꺼짐)',
  noButton: (n) => `[${n}] 버튼이 없어요.`,
  othersButton: (n, owner) => `[${n}] 버튼은 ${owner}님에게만 보이는 메시지에 있어요.`,
  commandsStart: '명령은 /yakjeong 뒤에 써요. 그 밖에 쓸 수 있는 것: as 이름, click 번호, sleep 초',
  typeHelp: '도움말은 /yakjeong help 명령으로 볼 수 있어요. 그 밖에 쓸 수 있는 것: as 이름, click 번호, sleep 초',
  sleepTooLong: (max) => `sleep 명령으로는 ${max}초(1년 하고 하루)까지 보낼 수 있어요. 예: 한 시간은 sleep 3600`,
  welcome: '약정 콘솔이에요. 도움말은 /yakjeong help 명령으로 볼 수 있어요. 그 밖에 쓸 수 있는 것: as 이름, click 번호, sleep 초. 끝내려면 Ctrl-D 키를 누르세요.',
};

export function consoleStrings(locale: Locale): ConsoleStrings {
  return locale === 'ko' ? ko : en;
}

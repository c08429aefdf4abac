/** 한국어 카탈로그. Same shape as the English one (the type checker enforces it). */
import type { ErrorCode } from '../errors.js';
import { CREATE_OPTIONS_LINE, weekdayNames, type Catalog } from './en.js';
import { ExampleDates } from './example-dates.js';
import { answerExampleText, partsOfDayText } from './grammar-examples.js';
import { withJosa } from './josa.js';
import { code, joinRich, link, rich, type Rich, type RichInput } from '../views/rich.js';

type P = Record<string, string | number>;

/*
 * No particle that changes with the sound before it (은/는, 이/가, 을/를, 와/과, (으)로) follows
 * a title, a code, a name, typed input or a code span: their sound is unknown ("Team", "K7P2").
 * Such values are quoted after a colon, or followed by a noun (“회의” 투표, `/yakjeong list` 명령).
 * Where a particle follows a number or a Korean word of ours, josa.ts chooses it.
 */

const ACTIONS: Record<string, string> = { close: '마감할', reopen: '다시 열', delete: '삭제할', pick: '확정할' };
const KINDS: Record<string, string> = { time: '시간 투표', block: '구간 투표', date: '날짜 투표' };
const WEEKDAYS_LONG = ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'];
const PART_NAMES: ReadonlyArray<[string, string]> = [
  ['morning', '오전'],
  ['lunch', '점심'],
  ['afternoon', '오후'],
  ['evening', '저녁'],
  ['night', '밤'],
];

/** The participant limit, said the same in the poll message and when the poll is full. */
const participantLimit = (n: number): string => `최대 ${n}명까지 참여할 수 있어요`;

/** "2시간", "30분", "1시간 30분". */
function minutesText(n: number): string {
  const h = Math.floor(n / 60);
  const m = n % 60;
  return h === 0 ? `${m}분` : m === 0 ? `${h}시간` : `${h}시간 ${m}분`;
}

const noOpenPoll = rich`이 채널에는 진행 중인 투표가 없어요. ${code('/yakjeong create')} 명령으로 시작해 보세요.`;

/** "@a님, @b님 외 2명": an honorific for each person, so the particle after it is always 은. */
const people = (who: readonly RichInput[], more: number): Rich =>
  rich`${joinRich(who.map((w) => rich`${w}님`), ', ')}${more ? ` 외 ${more}명` : ''}`;

/** Example dates from the asker's today, which the engine adds to every error it raises. */
const on = (p: P): ExampleDates => ExampleDates.from(p.today);

/** A parameter holding a list, one item a line (a parameter is one string). */
const lines = (param: string | number | undefined): string[] => String(param ?? '').split('\n').filter(Boolean);

/** " 혹시 “내일” 말씀인가요?" when a word was close to one we know (no particle: the word may be English); nothing otherwise. */
const didYouMean = (p: P): string => (p.suggestion ? ` 혹시 “${p.suggestion}” 말씀인가요?` : '');

const errors: Record<ErrorCode, (p: P) => string | Rich> = {
  UNKNOWN_SUBCOMMAND: (p) => `알 수 없는 명령이에요: “${p.input}”. 이 중에서 골라 주세요: ${p.commandsKo} (영어로는 ${p.commands})`,
  UNKNOWN_OPTION: (p) =>
    `알 수 없는 옵션이에요: “${p.option}”. 쓸 수 있는 옵션: ${p.options}`,
  DUPLICATE_OPTION: (p) => `“${p.option}:” 옵션을 두 번 썼어요. 옵션은 한 번씩만 써 주세요.`,
  MISSING_TITLE: (p) => rich`투표 제목이 필요해요. 예: ${code(`/yakjeong create 팀 회식 dates:${on(p).md(0)}-${on(p).md(4)} time:18:00-22:00`)}`,
  TITLE_TOO_LONG: (p) => `제목이 너무 길어요. 지금 ${withJosa(`${p.length}자`, '이에요/예요')}. ${p.max}자까지 쓸 수 있어요.`,
  DESCRIPTION_TOO_LONG: (p) => `설명이 너무 길어요. 지금 ${withJosa(`${p.length}자`, '이에요/예요')}. ${p.max}자까지 쓸 수 있어요.`,
  BAD_DATE: (p) => `날짜로 읽을 수 없어요: “${p.input}”. ${on(p).iso(0)}, ${on(p).md(0)}, ${on(p).koreanMd(0)}처럼 써 주세요.`,
  BAD_DATE_RANGE: (p) =>
    `기간이 맞지 않아요: “${p.input}”. 끝 날짜가 시작 날짜보다 앞설 수 없어요. ${on(p).iso(0)}..${on(p).iso(4)} 또는 ${on(p).md(0)}-${on(p).md(4)}처럼 써 주세요.`,
  MISSING_DATES: (p) =>
    rich`날짜를 알려 주세요. 예: ${code(`dates:${on(p).iso(0)}..${on(p).iso(4)}`)}, ${code(`dates:${on(p).md(0)},${on(p).md(2)}`)}, 매주 반복이면 ${code('dates:월-금')}`,
  TOO_MANY_DATES: (p) => `날짜가 너무 많아요. 지금 ${withJosa(`${p.count}개`, '이에요/예요')}. 한 투표에 ${p.max}개까지 넣을 수 있어요.`,
  BAD_TIME: (p) => `시각으로 읽을 수 없어요: “${p.input}”. 09:00, 18:30처럼 24시간제로 써 주세요.`,
  BAD_TIME_RANGE: (p) =>
    p.words
      ? rich`시간 범위로 읽을 수 없어요: “${p.input}”.${didYouMean(p)} ${code('time:09:00-18:00')}처럼 시각을 쓰거나, ${code('time:오전')}(9–12시), ${code('time:점심')}(12–13시), ${code('time:오후')}(13–18시), ${code('time:저녁')}(18–22시), ${code('time:밤')}(22–24시)처럼 써 주세요.`
      : rich`시간 범위로 읽을 수 없어요: “${p.input}”. ${code('time:09:00-18:00')}처럼 써 주세요.`,
  SAME_TIME_WINDOW: (p) =>
    rich`“${p.input}”: 시작과 끝이 같은 시각이에요(${p.at}). 그때부터 24시간이면 ${code(`time:${p.at}-${p.at}`)}처럼 분까지 쓰고, 하루 중 일부면 ${code('time:09:00-18:00')}처럼 서로 다른 두 시각을 써 주세요.`,
  MISSING_TIME_RANGE: () => rich`시간 투표에는 하루 중 시간 범위가 필요해요. 예: ${code('time:09:00-18:00')}`,
  BAD_SLOT: (p) =>
    rich`칸 크기로 쓸 수 없어요: “${p.input}”. ${code('slot:15m')}, ${code('slot:30m')}, ${code('slot:1h')}, ${code('slot:2h')} 중 하나를 골라 주세요.`,
  BAD_BLOCKS: (p) =>
    rich`구간 목록으로 읽을 수 없어요: “${p.input}”. ${code('blocks:오전,오후,저녁')} 또는 ${code('blocks:점심=12:00-13:00,저녁=18:00-21:00')}처럼 써 주세요.`,
  BAD_KIND: (p) =>
    rich`투표 종류로 쓸 수 없어요: “${p.input}”. ${code('kind:time')}(시간), ${code('kind:block')}(구간), ${code('kind:date')}(날짜) 중 하나를 골라 주세요.`,
  OPTION_NOT_FOR_KIND: (p) => `“${p.option}:” 옵션은 ${KINDS[String(p.kind)] ?? p.kind}에 쓸 수 없어요.`,
  TOO_MANY_SLOTS: (p) =>
    `시간 칸이 너무 많아요. 이대로면 ${withJosa(`${p.count}개`, '이에요/예요')}. ${p.max}개까지 만들 수 있으니 날짜를 줄이거나, 시간 범위를 좁히거나, 칸을 크게 해 주세요.`,
  NO_SLOTS: () => '고를 수 있는 시간 칸이 하나도 없어요. 날짜와 시간 범위를 확인해 주세요.',
  BAD_TIMEZONE: (p) =>
    `시간대로 쓸 수 없어요: “${p.input}”. Asia/Seoul, America/New_York 같은 IANA 이름, 서울 같은 도시 이름, 또는 UTC처럼 써 주세요.`,
  BAD_DEADLINE: (p) =>
    rich`마감 시각으로 읽을 수 없어요: “${p.input}”. ${code(`deadline:${on(p).deadline()}`)}처럼 날짜와 시각을 쓰거나(${code('+09:00')} 같은 오프셋을 붙여도 돼요), ${code('deadline:90m')}, ${code('deadline:24h')}, ${code('deadline:3d')}처럼 지금부터 얼마 뒤인지 써 주세요.`,
  DEADLINE_TOO_FAR: (p) => rich`마감 시각이 너무 멀어요: “${p.input}”. 마감은 지금부터 ${p.days}일 안으로 정해 주세요. 예: ${code('deadline:30d')}`,
  DEADLINE_IN_PAST: (p) => `마감 시각이 이미 지났어요: “${p.input}”. 앞으로 올 시각을 골라 주세요.`,
  BAD_DURATION: (p) => {
    const like = joinRich(lines(p.examples).map(code), ', ');
    if (p.kind === 'date') return rich`이 날짜 투표의 길이로 쓸 수 없어요: “${p.input}”. 며칠인지 써 주세요. 예: ${like}`;
    if (p.kind === 'block') return rich`이 구간 투표의 길이로 쓸 수 없어요: “${p.input}”. 구간 수를 써 주세요. 예: ${like}`;
    return rich`이 투표의 모임 길이로 쓸 수 없어요: “${p.input}”. 한 칸(${ko.minutes(Number(p.slotMinutes))})의 배수로 써 주세요. 예: ${like}`;
  },
  BAD_MAX: (p) => rich`인원 제한으로 쓸 수 없어요: “${p.input}”. 1에서 1000 사이의 정수를 ${code('max:8')}처럼 써 주세요.`,
  BAD_USERS: (p) => rich`사람 목록으로 읽을 수 없어요: “${p.input}”. ${code('with:@민지 @준호')}처럼 멘션해 주세요.`,
  REMIND_TOO_EARLY: (p) =>
    p.example
      ? rich`마감 ${ko.minutes(Number(p.before))} 전 알림은 너무 일러요. 마감까지 ${ko.minutes(Number(p.left))}밖에 남지 않았어요. ${code(`remind:${p.example}`)}처럼 마감에 더 가까운 알림을 써 주세요.`
      : `마감 ${ko.minutes(Number(p.before))} 전 알림은 너무 일러요. 마감까지 ${ko.minutes(Number(p.left))}밖에 남지 않아 알림을 보낼 수 없어요. 알림을 빼거나 마감을 더 늦게 정해 주세요.`,
  REMIND_WITHOUT_DEADLINE: () => rich`알림은 마감 전에 보내는데, 이 투표에는 마감이 없어요. ${code('deadline:24h remind:1h')}처럼 마감도 함께 써 주세요.`,
  BAD_REMIND: (p) =>
    rich`알림으로 쓸 수 없어요: “${p.input}”. 알림은 마감이 있는 투표에만 쓸 수 있고, 마감 얼마 전에 알릴지 ${code('remind:24h,1h')}처럼 써 주세요.`,
  BAD_HIDDEN: (p) => rich`결과 숨기기 설정으로 읽을 수 없어요: “${p.input}”. ${code('hidden:yes')} 또는 ${code('hidden:no')}처럼 써 주세요.`,
  BAD_ANSWER: (p) => {
    const example = answerExampleText(p, ko.weekdaysShort);
    if (example === undefined) return `응답을 이해하지 못했어요: “${p.input}”.`;
    return rich`응답을 이해하지 못했어요: “${p.input}”. ${code(example)}처럼 써 주세요. ‘필요하면 가능’인 때는 ${code('maybe:')} 뒤에 쓰고, 응답을 지우려면 ${code('none')}만 보내 주세요.`;
  },
  ANSWER_OUTSIDE_HOURS: (p) =>
    p.end
      ? `“${p.input}”: 이 투표가 끝나는 시각이라 그때 시작할 수는 없어요. 이 투표의 시간: ${p.hours}. ${p.end} 전에 시작하는 시간을 써 주세요.`
      : `“${p.input}”: 이 투표의 시간 밖이에요. 이 투표의 시간: ${p.hours}`,
  ANSWER_OUTSIDE_POLL: (p) =>
    `이 투표의 ${p.weekdays !== undefined ? '요일이' : p.of === 'dates' ? '날짜가' : p.of === 'blocks' ? '구간이' : '시간이'} 아니에요: “${p.input}”. 투표 ${p.weekdays !== undefined ? `요일: ${weekdayNames(p.weekdays, ko.weekdaysShort).join(', ')}` : `범위: ${p.range}`}`,
  POLL_NOT_FOUND: (p) => rich`이 채널에는 ${p.code} 투표가 없어요. 이 채널의 투표는 ${code('/yakjeong list')} 명령으로 볼 수 있어요.`,
  POLL_UNREADABLE: (p) =>
    rich`${p.code} 투표를 읽을 수 없어요. 저장된 데이터가 손상됐어요. 만든 사람이나 관리자가 ${code(`/yakjeong delete ${p.code}`)} 명령으로 지울 수 있어요.`,
  NO_OPEN_POLL: () => noOpenPoll,
  POLL_CLOSED: (p) => rich`${p.code} 투표는 마감됐어요. 만든 사람이나 관리자가 ${code(`/yakjeong reopen ${p.code}`)} 명령으로 다시 열 수 있어요.`,
  POLL_OPEN: (p) => `${p.code} 투표는 이미 진행 중이에요.`,
  NOTHING_TO_REOPEN: () => rich`이 채널에는 마감된 투표가 없어서 다시 열 투표가 없어요. 이 채널의 투표는 ${code('/yakjeong list')} 명령으로 볼 수 있어요.`,
  POLL_FULL: (p) => `${p.code} 투표는 자리가 다 찼어요. ${participantLimit(Number(p.max))}.`,
  WHICH_POLL: (p) => {
    const titles = lines(p.titles);
    const each = joinRich(lines(p.commands).map((command, i) => rich`“${titles[i] ?? ''}”: ${code(command)}`), ', ');
    const rest = Number(p.more) > 0 ? ` 그 밖에도 ${p.more}개가 더 있어요. 코드는 투표 메시지마다 있어요.` : '';
    return rich`코드가 없으면 어느 투표를 ${ACTIONS[String(p.action)] ?? p.action}지 알 수 없어요. 코드로 알려 주세요: ${each}.${rest}`;
  },
  NOT_ALLOWED: (p) => `${p.code} 투표를 ${ACTIONS[String(p.action)] ?? p.action} 수 있는 사람은 투표를 만든 ${p.creator}님과 관리자뿐이에요.`,
  BAD_PICK: (p) => {
    const what = p.kind === 'date' ? '날짜로' : p.kind === 'block' ? '구간으로' : '시간으로';
    const starts = lines(p.starts).map(code);
    const head = p.input ? `고를 수 없는 값이에요: “${p.input}”.` : `어떤 ${what} 정할까요?`;
    // Without answers there are no results to number: only starts are offered.
    if (!Number(p.ranked)) return starts.length ? rich`${head} 이 투표에서 시작할 수 있는 때를 써 주세요. 예: ${joinRich(starts, ', ')}` : head;
    const offer = starts.length ? rich`, 또는 이 투표에서 시작할 수 있는 때(${joinRich(starts, ', ')})` : '';
    return rich`${head} 결과 번호(${code(`pick ${p.code} 1`)})${offer} 중 하나를 써 주세요.`;
  },
  RESULTS_HIDDEN: (p) => `${p.code} 투표의 결과는 마감 후에 공개돼요.`,
  BAD_ACTION: () => rich`더 이상 쓸 수 없는 버튼이에요. ${code('/yakjeong results')} 명령이나 투표의 응답하기 버튼을 눌러 다시 열어 주세요.`,
  NOT_IN_CHANNEL: () => '서버 채널에서 써 주세요. 개인 메시지에서는 쓸 수 없어요.',
  OPTION_EXTRA_WORDS: (p) =>
    rich`${code(`${p.option}${p.value}`)} 뒤의 “${p.input}”: 읽을 수 없는 말이에요. 제목을 먼저 쓰고 옵션을 그 뒤에 써 주세요. 예: ${code('/yakjeong create 회식 dates:내일 time:저녁')}. 제목에 콜론이 있으면 따옴표로 묶어 주세요.`,
  EXTRA_WORDS: (p) =>
    rich`여기에는 올 수 없는 말이에요: “${p.input}”. ${code(`/yakjeong ${p.command} [코드]`)}처럼 써 주세요. 예: ${code(`/yakjeong ${p.command} K7Q2`)}`,
  DURATION_TOO_LONG: (p) => {
    const n = Number(p.longest);
    if (p.kind === 'date') return `“${p.input}” 일정은 이 투표의 날짜에 들어가지 않아요. 연달아 있는 날짜는 최대 ${n}일이에요.`;
    if (p.kind === 'block') return `구간 ${p.input}개 길이의 모임은 이 투표의 하루 안에 들어가지 않아요. 연달아 있는 구간은 최대 ${n}개예요.`;
    return `“${p.input}” 길이의 모임은 이 투표의 하루 안에 들어가지 않아요. 가장 길게 잡을 수 있는 시간은 ${ko.minutes(n * Number(p.slotMinutes))}이에요. 더 짧게 하거나 시간 범위를 넓혀 주세요.`;
  },
  DATES_IN_PAST: (p) =>
    p.nextYear === undefined
      ? `모두 지난 날짜예요: “${p.input}”. 오늘이나 그 뒤의 날짜를 골라 주세요.`
      : rich`“${p.input}”: 이미 지난 날짜예요. 오늘이나 그 뒤의 날짜를 골라 주세요. 내년 날짜라면 연도를 함께 써 주세요: ${code(String(p.nextYear))}`,
  TIMES_IN_PAST: (p) => rich`“${p.input}”의 시간이 모두 이미 지났어요. 투표는 앞으로의 시간으로 만들어 주세요. 예: ${code(`dates:내일${p.time}`)}`,
  DATES_START_IN_PAST: (p) => rich`“${p.input}”: 이미 지난 날짜가 있어요(${p.past}). 투표는 오늘부터의 날짜로 만들어 주세요: ${code(String(p.dates))}`,
  // Typed times (grammar/times.ts, grammar/dates.ts). Weekday names all end in 일, so 이 is always right after them.
  WEEKDAY_MISMATCH: (p) => {
    const [y, m, d] = String(p.date).split('-').map(Number) as [number, number, number];
    return `“${p.input}”: ${y}년 ${m}월 ${d}일은 ${WEEKDAYS_LONG[Number(p.typed)]}이 아니라 ${WEEKDAYS_LONG[Number(p.actual)]}이에요. 날짜나 요일을 확인해 주세요.`;
  },
  UNKNOWN_PART_OF_DAY: (p) => {
    const parts = partsOfDayText(p, PART_NAMES, (name, hours) => `${name}(${hours})`);
    const example = answerExampleText(p, ko.weekdaysShort) ?? '';
    return rich`“${p.input}”: 이 투표에서는 쓸 수 없는 말이에요.${didYouMean(p)}${parts ? ` 이 투표에서 쓸 수 있는 말: ${parts}.` : ''} 시각으로 써도 돼요: ${code(example)}`;
  },
  UNKNOWN_TIME_WORD: (p) =>
    rich`“${p.input}” 중 “${p.word}”: 모르는 말이에요.${didYouMean(p)} 날짜는 ${code('내일')}, ${code('다음 주 화요일')}, ${code('이번 주말')}, ${code('평일')}, ${code(on(p).koreanMd(0))}처럼, 시간은 ${code('저녁')}, ${code('저녁 7시 이후')}, ${code('오후 3시~5시')}처럼 써 주세요. 예: ${code(answerExampleText(p, ko.weekdaysShort) ?? `${on(p).md(0)} 저녁`)}, ${code('다음 주 화요일 저녁 7시-9시')}`,
  BACKWARDS_TIME_RANGE: (p) =>
    rich`“${p.input}”: 끝나는 시각이 시작보다 앞서요. 시작을 먼저, 오전/오후나 24시간제로 써 주세요: ${code('오전 7시-오후 5시')}, ${code('19:00-21:00')}, 밤을 넘기면 ${code('22:00-02:00')}. 예: ${code(answerExampleText(p, ko.weekdaysShort) ?? '12/8 19:00-21:00')}`,
  EMPTY_TIME_RANGE: (p) =>
    rich`“${p.input}”: 남는 시간이 없어요. ${p.same ? '시작과 끝이 같은 시각이에요.' : '00:00 전이나 24:00 뒤는 없어요.'} 하루 안의 시각으로 써 주세요: ${code('오후 4시 이전')}, ${code('저녁 7시 이후')}, ${code(answerExampleText(p, ko.weekdaysShort) ?? '12/8 19:00-21:00')}`,
  NO_SUCH_DATE: (p) =>
    `${p.year ? `${p.year}년 ` : ''}${p.month}월 ${p.mday}일은 없는 날짜예요(“${p.input}”). ${p.month}월은 ${Number(p.month) === 2 && !p.year ? '28일(윤년에는 29일)' : `${p.max}일`}까지 있어요. 날짜를 확인해 주세요.`,
  WEEKLY_TAKES_WEEKDAYS: (p) =>
    rich`매주 반복하는 투표라 날짜가 아니라 요일로 답해요. 이 투표의 요일: ${weekdayNames(p.pollWeekdays, ko.weekdaysShort).join(', ')}. “${p.input}”: ${weekdayNames(p.namedWeekdays, ko.weekdaysShort).join(', ')}요일이라 이 투표에 없어요. 요일로 써 주세요: 그 요일이 있는 투표라면 ${code(weekdayNames(p.namedWeekdays, ko.weekdaysShort).join(' '))}, 이 투표에서는 ${code(weekdayNames(p.pollWeekdays, ko.weekdaysShort).slice(0, 2).join(' '))}처럼요.`,
  NONEXISTENT_TIME: (p) =>
    `“${p.input}”: 그날 없는 시각이에요. 시계가 ${p.from} → ${p.to} 건너뛰는 날이라 그 사이 시각이 없어요(날짜: ${p.date}, 시간대: ${p.tz}). ${p.to} 이후 시각으로 써 주세요.`,
  DATE_POLL_WHOLE_DAYS: (p) =>
    rich`“${p.input}”: 이 투표는 시간이 아니라 하루 단위로 답해요. 날짜만 써 주세요. 예: ${code(answerExampleText(p, ko.weekdaysShort) ?? on(p).md(0))}`,
  ANSWER_NEEDS_DAY: (p) => rich`“${p.input}”: 어느 날인지 앞에 써 주세요. 예: ${code(answerExampleText(p, ko.weekdaysShort) ?? '')}`,
  BAD_PAINT: () => '이 투표의 시간과 맞지 않는 변경이에요. 페이지를 새로 고친 뒤 다시 해 주세요.',
  TOO_MANY_SAVES: () => '한꺼번에 너무 많이 저장하고 있어요. 잠시 기다리면 마지막 변경까지 저장돼요.',
  WEB_UNAVAILABLE: () => '봇에 공개 웹 주소 YAKJEONG_PUBLIC_URL 설정이 없어서 여기서는 큰 표를 쓸 수 없어요.',
  ALREADY_PICKED: (p) => `이미 “${p.title}”(${p.code}) 투표의 확정 ${withJosa(p.kind === 'date' ? '날짜' : '시간', '이에요/예요')}. 다시 알리지 않았어요.`,
  REOPEN_NEEDS_CODE: (p) =>
    rich`“${p.title}”(${p.code}) 투표는 시간이 확정됐고, 다시 열면 확정이 취소돼요. 다른 투표도 진행 중이라 코드로 알려 주세요: ${code(String(p.command))}`,
  DELETE_NEEDS_CODE: (p) =>
    rich`${p.code} 투표는 저장된 데이터가 손상돼 읽을 수 없어서, 짐작으로 지우지 않았어요. 지우려면 코드로 알려 주세요: ${code(`/yakjeong delete ${p.code}`)}`,
  REOPEN_NEEDS_DEADLINE: (p) =>
    rich`${p.code} 투표는 마감 시각이 지났어요. 다시 열려면 새 마감을 함께 써 주세요. 예: ${code(`/yakjeong reopen ${p.code} deadline:24h`)}, ${code(`deadline:${on(p).deadline()}`)}`,
  TOO_MANY_PEOPLE: (p) =>
    rich`${code(`${p.option}:`)}에 ${p.count}명이 있어요. 한 목록에는 ${p.max}명까지 넣을 수 있어요. ${code(`${p.option}:@민지 @준호`)}처럼 줄여 주세요.`,
  OPTION_TOO_LONG: (p) => rich`${code(`${p.option}:`)} 옵션이 너무 길어요. 지금 ${withJosa(`${p.length}자`, '이에요/예요')}. ${p.max}자까지 쓸 수 있어요.`,
  ANSWER_TOO_LONG: (p) =>
    rich`응답이 너무 길어요. 지금 ${withJosa(`${p.length}자`, '이에요/예요')}. 응답은 ${p.max}자까지 쓸 수 있어요. ${code('12/1 19:00-21:00, 12/2 저녁')}처럼 짧게 써 주세요.`,
  COMMAND_TOO_LONG: (p) => rich`명령이 너무 길어요. 지금 ${withJosa(`${p.length}자`, '이에요/예요')}. 명령은 ${p.max}자까지 쓸 수 있어요. ${code('/yakjeong help')}에서 짧은 형식을 볼 수 있어요.`,
  MISSING_USUAL_WEEK: () =>
    rich`어느 요일, 몇 시인가요? 요일을 먼저, 그다음 시간을 써 주세요. 예: ${code('/yakjeong usual set 월-금 19:00-22:00')} 또는 ${code('/yakjeong usual set 토,일 10-18, 월 저녁')}`,
  BAD_USUAL_WEEK: (p) =>
    rich`“${p.input}” 부분을 요일과 시간으로 읽지 못했어요. 요일을 먼저, 그다음 시간을 써 주세요. 예: ${code('/yakjeong usual set 월-금 19:00-22:00')} 또는 ${code('/yakjeong usual set 토,일 10-18, 월 저녁 maybe:금 22:00-24:00')}`,
  BAD_ON_OFF: (p) =>
    rich`${p.input ? `“${p.input}” 부분은 켜기도 끄기도 아니에요.` : '켤까요, 끌까요?'} ${code(`/yakjeong usual ${p.setting} 켜기`)} 또는 ${code(`/yakjeong usual ${p.setting} 끄기`)} 형식으로 써 주세요.`,
  USUAL_WEEK_NO_TIMES: (p) => `투표 ${p.code}에는 하루 중 시간이 없어서(날짜 또는 시간 없는 구간) 평소 일정으로 채울 수 없어요. 버튼으로 골라 주세요.`,
  BLOCK_NOT_FOUND: () => '되돌릴 것이 없어요. 이미 되돌렸거나, 그 모임의 확정이 바뀌거나 삭제되어 돌려놓았어요.',
};

export const ko: Catalog = {
  errors,
  unknownTime: '(알 수 없는 날짜)',
  notSaved: () => '죄송해요, 방금 한 것은 저장되지 않았어요. 지금은 저장 공간이 가득 차서 아무것도 저장할 수 없어요. 저장된 응답은 그대로 있고, 운영자에게 알렸어요. 잠시 후 다시 해 주세요.',
  internalError: () => '죄송해요, 제 쪽에서 문제가 생겼어요. 저장된 응답은 그대로 있으니 잠시 후 다시 해 주세요.',
  kind: { time: '시간 투표', block: '구간 투표', date: '날짜 투표' },
  weekdaysShort: ['월', '화', '수', '목', '금', '토', '일'],
  months: ['1월', '2월', '3월', '4월', '5월', '6월', '7월', '8월', '9월', '10월', '11월', '12월'],
  date: (m: number, d: number, wd: string) => `${m}월 ${d}일 (${wd})`,
  dateShort: (m: number, d: number) => `${m}/${d}`,
  minutes: minutesText,
  days: (n: number) => `${n}일`,
  blocksCount: (n: number) => `구간 ${n}개`,
  every: (days: string) => `매주 ${days}`,
  slotEvery: (minutes: number) => `${minutesText(minutes)} 단위`,
  poll: {
    deadline: '마감',
    noDeadline: '없음',
    closed: '마감됨',
    answered: (n: number) => `${n}명 응답`,
    answeredOf: (n: number, of: number) => `${of}명 중 ${n}명 응답`,
    waitingFor: '응답을 기다리는 사람',
    nobodyYet: '아직 아무도 응답하지 않았어요. 응답하기를 눌러 되는 시간을 알려 주세요.',
    best: '지금까지 가장 좋은 시간',
    hidden: '결과는 마감 후에 공개돼요.',
    length: '모임 길이',
    hours: '시간 범위',
    blocks: '구간',
    zone: '시간대',
    required: '꼭 와야 하는 사람',
    max: participantLimit,
    picked: '확정된 시간',
    code: '코드',
  },
  buttons: {
    respond: '응답하기',
    results: '결과 보기',
    close: '마감',
    closeNow: '지금 마감',
    delete: '삭제',
    keep: '그대로 두기',
    reopen: '다시 열기',
    pick: (n: number) => `${n}번으로 확정`,
    allDay: '이날 모두 가능',
    allDates: '모든 날짜 가능',
    clear: '지우기',
    copy: '모든 날에 복사',
    prev: '◀ 이전',
    next: '다음 ▶',
    done: '완료',
    web: '큰 표로 열기',
    fill: '📆 평소 일정으로 채우기',
    save: '저장',
    cancel: '취소',
    undo: (pollCode: string) => `${pollCode} 되돌리기`,
  },
  grid: {
    title: (title: string) => `내 응답 · ${title}`,
    zone: (tz: string) => rich`내 시간대(${tz}) 기준이에요. 시간대는 ${code('/yakjeong tz')} 명령으로 바꿀 수 있어요.`,
    legend: '시간을 누를 때마다 바뀌어요: ✅ 가능 → 🤔 필요하면 가능 → ▫️ 불가',
    legendDates: '날짜를 누를 때마다 바뀌어요: ✅ 가능 → 🤔 필요하면 가능 → ▫️ 불가',
    summaryDays: (yes: number, maybe: number) => `✅ 가능 ${yes}일 · 🤔 필요하면 가능 ${maybe}일`,
    selectLegend: '메뉴에서 고른 시간은 한 단계씩 바뀌어요: ✅ 가능 → 🤔 필요하면 가능 → ▫️ 불가',
    choose: (from: string, to: string) => (from === to ? `${from} 바꾸기` : `${from} – ${to} 중에서 고르기`),
    page: (n: number, of: number) => `${n}/${of}쪽`,
    summary: (yes: number, maybe: number) => `✅ 가능 ${yes}칸 · 🤔 필요하면 가능 ${maybe}칸`,
    closed: '마감된 투표예요. 응답을 볼 수는 있지만 바꿀 수는 없어요.',
    webLink: (url: string) => rich`🖌️ ${link(url, '큰 표로 열기')}: 끌어서 시간을 칠할 수 있어요. 나만 쓰는 링크이니 다른 사람과 나누지 마세요.`,
  },
  web: {
    lang: 'ko',
    mine: '내 응답',
    group: '모두의 응답',
    brush: '붓',
    brushYes: '가능',
    brushMaybe: '필요하면 가능',
    paintMode: '칠하기 모드',
    paintModeHelp: '켜면 끌어서 칠하고, 끄면 끌어서 스크롤해요.',
    help: '시간을 끌어서 칠하세요. 칠해진 칸에서 시작하면 지워져요. 키보드: 화살표로 이동, 스페이스로 칠하기.',
    saving: '저장 중…',
    saved: '저장됨',
    retrying: '아직 저장되지 않았어요. 다시 시도하는 중…',
    closed: '마감된 투표예요. 응답은 볼 수만 있어요.',
    live: '실시간',
    reconnecting: '다시 연결하는 중…',
    zone: '{zone} 기준 시간이에요.',
    zoneOffer: '브라우저 시간대: {zone}',
    useZone: '{zone} 시간대 쓰기',
    gridLabel: '내 가능 시간',
    groupLabel: '가능한 사람',
    nobody: '아직 없음',
    fill: '📆 평소 일정으로 채우기',
    fillNoWeek: '평소 일정이 비어 있어서 채울 것이 없어요. 시간이 있는 투표에 응답하면 배우고, 채팅에서 /yakjeong usual set 명령으로 직접 정할 수도 있어요.',
    fillNothing: '이 투표의 시간에는 평소 일정이 없어서 채울 것이 없어요.',
    previewTitle: '미리보기 — 저장되지 않음',
    previewHelp: '평소 일정으로 채운 내 응답이에요. 나만 볼 수 있고, 저장을 누르기 전에는 아무도 볼 수 없고 어디에도 세지 않아요. 저장하거나 취소할 때까지 칠하기는 꺼져 있어요.',
    previewCell: '미리보기, 저장되지 않음',
    save: '저장',
    cancel: '취소',
    filledSaved: '평소 일정으로 채워서 저장했어요.',
    previewCancelled: '미리보기를 취소했어요. 응답은 그대로예요.',
    fillFailed: '약정에 연결하지 못했어요. 아무것도 바뀌지 않았으니 다시 해 보세요.',
    refused: '쓸 수 없거나 기한이 지난 링크예요. 채팅에서 내 응답을 다시 열면 새 링크가 나와요.',
  },
  results: {
    title: (title: string) => `가장 좋은 시간 · ${title}`,
    pictureComing: '지금 그림을 많이 그리고 있어요. 이 그림은 곧 따로 보내 드릴게요.',
    none: '아직 응답이 없어요.',
    noWindow: '응답한 사람들이 함께 되는 시간이 아직 없어요.',
    everyone: '모두 가능',
    fitsAnywhere: (kind: string, length: string, n: number) =>
      kind === 'block'
        ? n === 1
          ? '이 구간들은 모두 응답이 같아요. 어느 구간을 골라도 돼요.'
          : `이 구간들은 모두 응답이 같아요. 이어진 구간 ${n}개를 어디서든 고르면 돼요.`
        : kind === 'date'
          ? `이 기간 내내 응답이 같아요. ${length} 일정은 이 안에서 언제든 잡을 수 있어요.`
          : `이 시간 범위 내내 응답이 같아요. ${length} 모임은 이 안에서 언제든 잡을 수 있어요.`,
    anyWithin: (length: string) => `이 안에서 언제든 ${length}`,
    allWhoAnswered: (waiting: number) => `응답한 사람 모두 가능 · ${waiting}명 미응답`,
    most: '대부분 가능',
    free: '가능',
    maybe: '필요하면 가능',
    unavailable: '불가',
    pending: '미응답',
    requiredMissing: (names: RichInput) => rich`아직 응답하지 않은 필수 참석자: ${names}`,
    respondents: (n: number) => `${n}명 응답`,
    heatmapAlt: (title: string) => `${title} 가능 시간 히트맵`,
    overlayAlt: '그룹 히트맵 위에 겹친 내 응답',
    hiddenClosedOnly: '결과는 마감 후에 공개돼요. 투표를 만든 분이라 미리 보여 드려요.',
  },
  lifecycle: {
    created: (who: string) => `${who}님이 투표를 시작했어요.`,
    closed: (who: string, title: string, code: string) => `${who}님이 “${title}”(${code}) 투표를 마감했어요.`,
    reopened: (who: string, title: string, code: string) => `${who}님이 “${title}”(${code}) 투표를 다시 열었어요.`,
    pickDropped: (when: RichInput, kind: string) => rich`앞서 정한 ${withJosa(kind === 'date' ? '날짜' : '시간', '은/는')} 이제 확정이 아니에요: ${when}`,
    deleted: (title: string, code: string) => `“${title}”(${code}) 투표를 삭제했어요.`,
    deleteQuestion: (title: string, code: string, answered: number) =>
      `“${title}”(${code}) 투표를 삭제할까요? ${answered === 0 ? '아직 아무도 응답하지 않았어요.' : `지금까지 받은 응답 ${answered}개도 함께 지워져요.`} 삭제한 투표는 되돌릴 수 없어요.`,
    kept: (title: string, code: string) => `“${title}”(${code}) 투표를 그대로 두었어요. 아무것도 지우지 않았어요.`,
    picked: (title: string, when: RichInput, kind: string) => rich`📌 “${title}” ${kind === 'date' ? '일정이' : '시간이'} 정해졌어요: ${when}`,
    closedOnTime: (title: string, code: string) => `마감 시각이 되어 “${title}”(${code}) 투표를 마감했어요.`,
    closedLate: (title: string, code: string) => `제가 꺼져 있는 동안 마감 시각이 지나서, “${title}”(${code}) 투표를 이제야 마감했어요.`,
    // 님 goes on each name: "@a님, @b님의 응답", never "@a, @b님의".
    reminderMissing: (title: string, pollCode: string, when: RichInput, people: readonly RichInput[]) =>
      rich`“${title}”(${pollCode}) 투표가 ${when}에 마감돼요. 아직 ${joinRich(people.map((who) => rich`${who}님`), ', ')}의 응답을 기다리고 있어요.`,
    reminderMore: (title: string, pollCode: string, part: number, parts: number, people: readonly RichInput[]) =>
      rich`“${title}”(${pollCode}) 알림 ${part}/${parts}: ${joinRich(people.map((who) => rich`${who}님`), ', ')}의 응답도 기다리고 있어요.`,
    reminderCount: (title: string, pollCode: string, when: RichInput, n: number) =>
      rich`“${title}”(${pollCode}) 투표가 ${when}에 마감돼요. 지금까지 ${n}명이 응답했어요.`,
    everyoneAnswered: (title: string, code: string) => `기다리던 분들이 모두 “${title}”(${code}) 투표에 응답했어요. 지금 마감할까요?`,
    addToCalendar: 'Google 캘린더에 추가',
    pickedNobody: (anyAnswers: boolean, kind: string) =>
      anyAnswers ? `응답한 사람 중 ${kind === 'date' ? '이 날짜에' : '이 시간에'} 되는 사람이 없어요.` : '아직 아무도 응답하지 않았어요.',
  },
  list: {
    title: '이 채널에서 진행 중인 투표',
    none: noOpenPoll,
    item: (code: string, title: string, answered: number) => `${code} · ${title} · ${answered}명 응답`,
    unreadable: (pollCode: string) =>
      rich`${pollCode} · 이 투표는 읽을 수 없어요(저장된 데이터 손상). ${code(`/yakjeong delete ${pollCode}`)} 명령으로 지울 수 있어요`,
  },
  history: {
    title: (title: string, code: string) => `응답 기록 · ${title} (${code})`,
    none: '아직 응답이 없어요.',
    cleared: '응답 지움',
    more: (n: number) => `…외 ${n}건`,
    reasons: {
      usualWeek: '(평소 일정으로 채움)',
      blocked: (code: string) => `(다른 모임 확정: ${code})`,
      unblocked: (code: string) => `(되돌림: 다른 모임 ${code})`,
      released: (code: string) => `(돌려놓음: ${code} 확정 변경, 다시 열기 또는 삭제)`,
    },
    sources: { text: '(입력)', web: '(큰 표에서)' },
  },
  tz: {
    current: (tz: string, source: string) => `내 시간대: ${tz} (${source})`,
    set: (tz: string) => `내 시간대를 바꿨어요: ${tz}. 이제 보이는 시간도, 입력하는 시간도 이 시간대 기준이에요.`,
    sources: { saved: '직접 설정', platform: '프로필 기준', default: '기본값' },
  },
  answerText: {
    saved: (title: string, code: string) => `“${title}”(${code}) 투표에 응답을 저장했어요.`,
    understood: (answer: string) => `이렇게 읽었어요: ${answer}`,
  },
  honest: {
    answerCleared: (title: string, code: string) => `“${title}”(${code}) 투표의 응답을 지웠어요. 이제 응답한 사람으로 세지 않아요.`,
    placeFreed: (max: number) => `자리 하나가 다시 비었어요(최대 ${max}명).`,
    nothingToClear: (title: string, code: string) => `“${title}”(${code}) 투표에는 남긴 응답이 없어서 지울 것이 없어요.`,
    leftOutHours: (spans: string, hours: string) => `이 투표의 시간(${hours}) 밖이라 빠졌어요: ${spans}`,
    leftOutDayLong: (spans: string, from: string, tz: string) => `이 투표의 날짜 밖이라 빠졌어요(하루는 ${tz ? `${tz} ` : ''}${from}부터 다음 날 ${from}까지): ${spans}`,
    leftOutPartSlot: (spans: string, slot: string) => `한 칸보다 짧아서 빠졌어요: ${spans} (한 칸: ${slot})`,
    leftOutDates: (dates: string, offered: string) => `이 투표에 없는 날짜라서 빠졌어요: ${dates} (투표 날짜: ${offered})`,
    leftOutWeekdays: (days: string, offered: string) => `이 투표에 없는 요일이라서 빠졌어요: ${days} (투표 요일: ${offered})`,
    pickCannot: (persons: readonly RichInput[], more: number) => rich`${people(persons, more)}은 고른 시간에 끝까지 참석할 수 없어요.`,
    pickNoAnswer: (persons: readonly RichInput[], more: number) => rich`${people(persons, more)}은 아직 응답하지 않았어요.`,
    readForNewest: (open: number, title: string, pollCode: string, example: string) =>
      rich`이 채널에 진행 중인 투표가 ${open}개 있어요. 코드를 쓰지 않아서 가장 최근 투표인 “${title}”(${pollCode}) 투표를 기준으로 읽었어요. 다른 투표에 응답하려면 코드를 먼저 써 주세요: ${code(example)}`,
    wentToNewest: (open: number, title: string, pollCode: string, example: string) =>
      rich`이 채널에 진행 중인 투표가 ${open}개 있어요. 코드를 쓰지 않아서 가장 최근 투표인 “${title}”(${pollCode}) 투표에 응답을 저장했어요. 다른 투표에 응답하려면 코드를 먼저 써 주세요: ${code(example)}`,
  },
  state: { yes: '가능', maybe: '필요하면 가능', no: '불가' },
  usual: {
    title: (tz: string) => `내 평소 일정 · ${tz}`,
    learned: (n: number) =>
      `최근 8주 동안 응답한 투표 ${n}개에서 배웠어요. 그 시간을 제시한 투표 가운데 60% 이상에서 가능했던 시간이 들어가고, 최근 투표일수록 더 크게 반영돼요.`,
    byHand: rich`직접 정한 일정이에요. ${code('/yakjeong usual clear')} 명령으로 다시 응답에서 배우게 할 수 있어요.`,
    learningOff: rich`응답에서 배우기가 꺼져 있어요. ${code('/yakjeong usual learn 켜기')} 명령으로 다시 켤 수 있어요.`,
    empty: rich`아직 비어 있어요. 시간이 있는 투표에 응답하면 채워지고, 직접 정할 수도 있어요: ${code('/yakjeong usual set 월-금 19:00-22:00')}`,
    blockOn: rich`내가 가능한 모임이 확정되면, 여기서 진행 중인 내 다른 투표의 같은 시간이 불가능으로 바뀌고 되돌리기 버튼을 받아요. ${code('/yakjeong usual block off')} 명령으로 끌 수 있어요.`,
    blockOff: rich`확정된 모임이 내 다른 투표를 바꾸지 않아요. ${code('/yakjeong usual block on')} 명령으로 켤 수 있어요.`,
    onlyYou: '나만 볼 수 있어요.',
    set: '평소 일정을 직접 정했어요:',
    learnOn: '응답에서 배우기를 켰어요. 지금부터 응답하는 투표로 평소 일정을 배워요.',
    learnOff: '응답에서 배우기를 껐고, 지금까지 배운 내용을 지웠어요.',
    blockOnSet: '이제 내가 가능한 모임이 확정되면, 여기서 진행 중인 내 다른 투표의 같은 시간이 불가능으로 바뀌어요.',
    blockOffSet: '이제 확정된 모임이 내 다른 투표를 바꾸지 않아요.',
    cleared: '평소 일정을 지웠어요. 직접 정한 것도, 배운 것도 없어졌고, 다음에 응답하는 투표부터 다시 배워요.',
    imageAlt: '내 평소 일정',
    preview: (title: string, code: string) => `평소 일정으로 채운 “${title}” (${code}) 응답 미리보기예요. 저장을 누르기 전에는 저장되지 않고 아무도 볼 수 없어요.`,
    nothingToFill: (title: string, code: string) => `“${title}” (${code}) 투표의 시간에는 평소 일정이 없어서 채울 것이 없어요.`,
    filled: (title: string, code: string) => `평소 일정으로 “${title}” (${code}) 응답을 채웠어요.`,
    sameAsNow: '이미 그렇게 응답했어요.',
  },
  blocking: {
    notice: (title: string, code: string) => `내가 가능했던 시간에 “${title}” (${code}) 모임이 확정되어, 진행 중인 내 다른 투표에서 같은 시간을 불가능으로 바꿨어요:`,
    undoHint: '되돌리기를 누르면 그 뒤로 직접 바꾸지 않은 시간만 원래대로 돌아가요. 나만 볼 수 있어요.',
    undone: (title: string, code: string) => `“${title}” (${code}) 투표에서 그 뒤로 바꾸지 않은 시간을 원래대로 돌려놓았어요.`,
    undoneNothing: (title: string, code: string) => `“${title}” (${code}) 투표의 그 시간들은 그 뒤에 모두 직접 바꾸셔서 돌려놓을 것이 없어요.`,
    anotherMeeting: (who: string) => `${who} 님은 그때 다른 모임이 있어요`,
    anotherMeetingNamed: (who: string, title: string, code: string) => `${who} 님은 그때 다른 모임이 있어요: “${title}” (${code})`,
  },
  heatmap: {
    answered: (n: number) => `${n}명 응답`,
    answeredOf: (n: number, of: number) => `${of}명 중 ${n}명 응답`,
    deadline: '마감',
    closed: '마감됨',
    open: '진행 중',
    zone: (tz: string) => `${tz} 기준`,
    legend: '가능 인원',
    everyone: '모두',
    respondents: '응답',
    notYet: '미응답',
    yours: '내 응답',
    hidden: '마감 후 공개',
    maybeHalf: '필요하면 가능 = ½명',
    best: '추천 시간',
    notOffered: '선택지 아님',
    yourYes: '나: 가능',
    yourMaybe: '나: 필요하면 가능',
    free: '가능',
    ifNeeded: '필요하면 가능',
    month: (y: number, m: number) => `${y}년 ${m}월`,
  },
  /** An option where nobody is free for all of it, only "if needed": the results and the heatmap say so. */
  nobodyFree: {
    results: '온전히 가능한 사람은 없고, 필요하면 가능한 사람만 있어요',
    legend: '온전히 가능한 사람 없음',
  },
  createUsage: (examples: ExampleDates) =>
    joinRich(
      [
        rich`투표 만들기: ${code('/yakjeong create 제목 dates:… [옵션]')}`,
        rich`종류: 시간 투표(${code('time:')} 옵션이 있으면 기본), 구간 투표(${code('blocks:')} 옵션과 함께), 날짜 투표(하루 단위, ${code('kind:date')})`,
        '예시:',
        rich`  ${code(`/yakjeong create 팀 회식 dates:${examples.md(0)}-${examples.md(4)} time:18:00-22:00 slot:1h`)}`,
        rich`  ${code('/yakjeong create 스터디 dates:월-금 time:19:00-23:00 slot:30m duration:2h')}`,
        rich`  ${code(`/yakjeong create 워크숍 dates:${examples.iso(0)},${examples.iso(2)} blocks:오전,오후`)}`,
        rich`  ${code(`/yakjeong create 여행 kind:date dates:${examples.iso(0)}..${examples.iso(19)} duration:3d deadline:3d`)}`,
        rich`옵션: ${CREATE_OPTIONS_LINE}`,
      ],
      '\n',
    ),
  help: {
    title: '약정 — 모두 되는 시간 찾기',
    footer: (koreanWords: string) => ['코드를 생략하면 이 채널에서 가장 최근에 시작한 진행 중인 투표에 적용돼요. 다시 열기는 최근에 마감된 투표에 적용되고, 해당할 수 있는 투표가 여럿이면 마감·다시 열기·삭제·확정은 어느 투표인지 물어봐요.', `한국어 명령도 쓸 수 있어요: ${koreanWords}`],
  },
};

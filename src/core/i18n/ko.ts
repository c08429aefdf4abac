/** 한국어 카탈로그. Same shape as the English one (the type checker enforces it). */
import type { ErrorCode } from '../errors.js';
import type { Catalog } from './en.js';
import { ExampleDates } from './example-dates.js';
import { code, joinRich, rich, type Rich, type RichInput } from '../views/rich.js';

type P = Record<string, string | number>;

const ACTIONS: Record<string, string> = { close: '마감할', reopen: '다시 열', delete: '삭제할', pick: '확정할' };
const KINDS: Record<string, string> = { time: '시간 투표', block: '구간 투표', date: '날짜 투표' };

/** "@a님, @b님 외 2명": an honorific for each person, so the particle after it is always 은. */
const people = (who: readonly RichInput[], more: number): Rich =>
  rich`${joinRich(who.map((w) => rich`${w}님`), ', ')}${more ? ` 외 ${more}명` : ''}`;

/** Example dates from the asker's today, which the engine adds to every error it raises. */
const on = (p: P): ExampleDates => ExampleDates.from(p.today);

/** A parameter holding a list, one item a line (a parameter is one string). */
const lines = (param: string | number | undefined): string[] => String(param ?? '').split('\n').filter(Boolean);

const errors: Record<ErrorCode, (p: P) => string | Rich> = {
  UNKNOWN_SUBCOMMAND: (p) =>
    `“${p.input}”은(는) 알 수 없는 명령이에요. ${p.commandsKo}(또는 ${p.commands}) 중 하나를 써 주세요.`,
  UNKNOWN_OPTION: (p) =>
    `“${p.option}”은(는) 모르는 옵션이에요. 옵션: title, desc, kind, dates, time, slot, blocks, deadline, tz, duration, max, with, must, remind, hidden.`,
  DUPLICATE_OPTION: (p) => `“${p.option}:” 옵션이 두 번 들어 있어요. 한 번만 써 주세요.`,
  MISSING_TITLE: (p) => rich`투표 제목이 필요해요. 예: ${code(`/yakjeong create 팀 회식 dates:${on(p).md(0)}-${on(p).md(4)} time:18:00-22:00`)}`,
  TITLE_TOO_LONG: (p) => `제목이 ${p.length}자예요. 최대 ${p.max}자까지 쓸 수 있어요.`,
  DESCRIPTION_TOO_LONG: (p) => `설명이 ${p.length}자예요. 최대 ${p.max}자까지 쓸 수 있어요.`,
  BAD_DATE: (p) => `“${p.input}”은(는) 날짜가 아니에요. ${on(p).iso(0)}, ${on(p).md(0)}, ${on(p).koreanMd(0)}처럼 써 주세요.`,
  BAD_DATE_RANGE: (p) =>
    `“${p.input}”은(는) 올바른 기간이 아니에요. 끝 날짜가 시작보다 앞설 수 없어요. ${on(p).iso(0)}..${on(p).iso(4)} 또는 ${on(p).md(0)}-${on(p).md(4)}처럼 써 주세요.`,
  MISSING_DATES: (p) =>
    rich`날짜를 알려 주세요. ${code(`dates:${on(p).iso(0)}..${on(p).iso(4)}`)}, ${code(`dates:${on(p).md(0)},${on(p).md(2)}`)}, 매주 반복이면 ${code('dates:월-금')}.`,
  TOO_MANY_DATES: (p) => `날짜가 ${p.count}개예요. 한 투표에 최대 ${p.max}개까지 넣을 수 있어요.`,
  BAD_TIME: (p) => `“${p.input}”은(는) 시각이 아니에요. 09:00, 18:30처럼 24시간제 HH:MM으로 써 주세요.`,
  BAD_TIME_RANGE: (p) => rich`“${p.input}”은(는) 시간 범위가 아니에요. ${code('time:09:00-18:00')}처럼 써 주세요.`,
  MISSING_TIME_RANGE: () => rich`시간 투표에는 하루 중 시간대가 필요해요. 예: ${code('time:09:00-18:00')}`,
  BAD_SLOT: (p) => rich`“${p.input}”은(는) 칸 크기가 아니에요. ${code('slot:15m')}, ${code('slot:30m')}, ${code('slot:1h')}, ${code('slot:2h')} 중 하나를 써 주세요.`,
  BAD_BLOCKS: (p) =>
    rich`“${p.input}”은(는) 구간 목록이 아니에요. ${code('blocks:오전,오후,저녁')} 또는 ${code('blocks:점심=12:00-13:00,저녁=18:00-21:00')}처럼 써 주세요.`,
  BAD_KIND: (p) => rich`“${p.input}”은(는) 투표 종류가 아니에요. ${code('kind:time')}, ${code('kind:block')}, ${code('kind:date')} 중 하나예요.`,
  OPTION_NOT_FOR_KIND: (p) => `“${p.option}:” 옵션은 ${KINDS[String(p.kind)] ?? p.kind}에 쓸 수 없어요.`,
  TOO_MANY_SLOTS: (p) =>
    `시간 칸이 ${p.count}개가 돼요. 최대 ${p.max}개까지예요. 날짜를 줄이거나, 시간대를 좁히거나, 칸을 크게 해 주세요.`,
  NO_SLOTS: () => '선택할 수 있는 시간 칸이 없어요. 날짜와 시간대를 확인해 주세요.',
  BAD_TIMEZONE: (p) => `“${p.input}”은(는) 시간대가 아니에요. Asia/Seoul, America/New_York 같은 IANA 이름, 서울 같은 도시 이름, 또는 UTC를 써 주세요.`,
  BAD_DEADLINE: (p) =>
    rich`“${p.input}”은(는) 마감 시각이 아니에요. ${code(`deadline:${on(p).deadline()}`)}(+09:00 같은 오프셋 가능) 또는 ${code('deadline:90m')}, ${code('24h')}, ${code('3d')}처럼 써 주세요.`,
  DEADLINE_IN_PAST: (p) => `마감 시각 ${p.input}은(는) 이미 지났어요. 앞으로의 시각을 골라 주세요.`,
  BAD_DURATION: (p) => {
    const like = joinRich(lines(p.examples).map(code), ', ');
    if (p.kind === 'date') return rich`이 날짜 투표의 길이로 쓸 수 없어요: “${p.input}”. 며칠인지 써 주세요. 예: ${like}`;
    if (p.kind === 'block') return rich`이 구간 투표의 길이로 쓸 수 없어요: “${p.input}”. 구간 수를 써 주세요. 예: ${like}`;
    return rich`이 투표의 모임 길이로 쓸 수 없어요: “${p.input}”. 한 칸(${ko.minutes(Number(p.slotMinutes))})의 배수로 써 주세요. 예: ${like}`;
  },
  BAD_MAX: (p) => rich`“${p.input}”은(는) 인원 제한이 아니에요. 1부터 1000 사이의 숫자를 ${code('max:8')}처럼 써 주세요.`,
  BAD_USERS: (p) => rich`“${p.input}”은(는) 사람 목록이 아니에요. ${code('with:@민지 @준호')}처럼 멘션해 주세요.`,
  BAD_REMIND: (p) => rich`“${p.input}”은(는) 알림 목록이 아니에요. 마감 전 시간을 ${code('remind:24h,1h')}처럼 써 주세요.`,
  BAD_HIDDEN: (p) => rich`“${p.input}”은(는) yes나 no가 아니에요. ${code('hidden:yes')} 또는 ${code('hidden:no')}로 써 주세요.`,
  BAD_ANSWER: (p) =>
    rich`“${p.input}”을(를) 이해하지 못했어요. 예: ${code(`${on(p).iso(0)} 09:00-11:00, ${on(p).md(1)} 14:00-15:00 maybe:${on(p).md(2)} 10:00-12:00`)}, 구간: ${code(`${on(p).md(0)} 오전`)}, 날짜: ${code(`${on(p).md(0)},${on(p).md(2)}`)}, 지우기: ${code('none')}`,
  ANSWER_OUTSIDE_POLL: (p) =>
    `이 투표의 ${p.of === 'dates' ? '날짜가' : p.of === 'blocks' ? '구간이' : '시간이'} 아니에요: “${p.input}”. 투표 범위: ${p.range}`,
  POLL_NOT_FOUND: (p) => rich`이 채널에 ${p.code} 투표가 없어요. ${code('/yakjeong list')}로 이 채널의 투표를 볼 수 있어요.`,
  POLL_UNREADABLE: (p) =>
    rich`${p.code} 투표를 읽을 수 없어요: 저장된 데이터가 손상됐어요. 만든 사람이나 관리자가 ${code(`/yakjeong delete ${p.code}`)}로 지울 수 있어요.`,
  NO_OPEN_POLL: () => rich`이 채널에 진행 중인 투표가 없어요. ${code('/yakjeong create')}로 시작해 보세요.`,
  POLL_CLOSED: (p) => rich`${p.code} 투표는 마감됐어요. 만든 사람이나 관리자가 ${code(`/yakjeong reopen ${p.code}`)}로 다시 열 수 있어요.`,
  POLL_OPEN: (p) => `${p.code} 투표는 이미 열려 있어요.`,
  POLL_FULL: (p) => `${p.code} 투표는 이미 정원 ${p.max}명이 찼어요.`,
  NOT_ALLOWED: (p) => `${p.code} 투표를 ${ACTIONS[String(p.action)] ?? p.action} 수 있는 사람은 만든 사람(${p.creator})과 관리자뿐이에요.`,
  BAD_PICK: (p) => {
    const what = p.kind === 'date' ? '날짜로' : p.kind === 'block' ? '구간으로' : '시간으로';
    const starts = lines(p.starts).map(code);
    const offer = starts.length ? rich`, 또는 이 투표에서 시작할 수 있는 때(${joinRich(starts, ', ')})` : '';
    const head = p.input ? `고를 수 없는 값이에요: “${p.input}”.` : `어떤 ${what} 정할까요?`;
    return rich`${head} 결과 번호(${code(`pick ${p.code} 1`)})${offer} 중 하나를 써 주세요.`;
  },
  RESULTS_HIDDEN: (p) => `${p.code} 투표의 결과는 마감 후에 공개돼요.`,
  BAD_ACTION: () => rich`더 이상 쓸 수 없는 버튼이에요. ${code('/yakjeong results')}나 응답 버튼으로 투표를 다시 열어 주세요.`,
  NOT_IN_CHANNEL: () => 'DM이 아니라 서버 채널에서 사용해 주세요.',
  EXTRA_WORDS: (p) => rich`“${p.input}”은(는) 여기에 올 수 없어요. ${code(`/yakjeong ${p.command} [코드]`)}처럼 써 주세요. 예: ${code(`/yakjeong ${p.command} K7Q2`)}`,
  DURATION_TOO_LONG: (p) => {
    const n = Number(p.longest);
    if (p.kind === 'date') return `${p.input} 일정은 이 투표의 날짜에 들어가지 않아요. 연달아 있는 날짜는 최대 ${n}일이에요.`;
    if (p.kind === 'block') return `${p.input} 길이의 모임은 이 투표의 하루 안에 들어가지 않아요. 연달아 있는 구간은 최대 ${n}개예요.`;
    return `${p.input} 길이의 모임은 이 투표의 하루 안에 들어가지 않아요. 가장 길게 잡을 수 있는 시간은 ${ko.minutes(n * Number(p.slotMinutes))}이에요. 더 짧게 하거나 시간 범위를 넓혀 주세요.`;
  },
  DATES_IN_PAST: (p) => `“${p.input}”은(는) 모두 지난 날짜예요. 오늘 이후의 날짜를 골라 주세요.`,
  REOPEN_NEEDS_DEADLINE: (p) =>
    rich`${p.code} 투표는 마감 시각이 지났어요. 다시 열려면 새 마감을 함께 써 주세요. 예: ${code(`/yakjeong reopen ${p.code} deadline:24h`)}, ${code(`deadline:${on(p).deadline()}`)}`,
};

export const ko: Catalog = {
  errors,
  internalError: () => '죄송해요, 문제가 생겼어요. 저장된 응답은 그대로 있어요. 잠시 후 다시 시도해 주세요.',
  kind: { time: '시간 투표', block: '구간 투표', date: '날짜 투표' },
  weekdaysShort: ['월', '화', '수', '목', '금', '토', '일'],
  months: ['1월', '2월', '3월', '4월', '5월', '6월', '7월', '8월', '9월', '10월', '11월', '12월'],
  date: (m: number, d: number, wd: string) => `${m}월 ${d}일 (${wd})`,
  dateShort: (m: number, d: number) => `${m}/${d}`,
  minutes: (n: number) => (n % 60 === 0 ? `${n / 60}시간` : n > 60 ? `${Math.floor(n / 60)}시간 ${n % 60}분` : `${n}분`),
  days: (n: number) => `${n}일`,
  blocksCount: (n: number) => `${n}개 구간`,
  every: (days: string) => `매주 ${days}`,
  slotEvery: (len: string) => `${len} 단위`,
  poll: {
    deadline: '마감',
    noDeadline: '마감 없음',
    closed: '마감됨',
    answered: (n: number) => `${n}명 응답`,
    answeredOf: (n: number, of: number) => `${of}명 중 ${n}명 응답`,
    waitingFor: '기다리는 사람',
    nobodyYet: '아직 아무도 응답하지 않았어요. 응답하기를 눌러 가능한 시간을 알려 주세요.',
    best: '지금까지 가장 좋은 시간',
    hidden: '결과는 마감 후에 공개돼요.',
    length: '모임 길이',
    hours: '시간',
    blocks: '구간',
    zone: '시간대',
    required: '필수 참석',
    max: (n: number) => `최대 ${n}명`,
    picked: '확정된 시간',
    code: '코드',
  },
  buttons: {
    respond: '응답하기',
    results: '결과 보기',
    close: '마감',
    closeNow: '지금 마감',
    reopen: '다시 열기',
    pick: (n: number) => `${n}번으로 확정`,
    allDay: '이날 모두 가능',
    allDates: '모든 날짜',
    clear: '지우기',
    copy: '모든 날에 복사',
    prev: '◀ 이전',
    next: '다음 ▶',
    done: '완료',
  },
  grid: {
    title: (title: string) => `내 응답 · ${title}`,
    zone: (tz: string) => rich`내 시간대(${tz}) 기준이에요. ${code('/yakjeong tz')}로 바꿀 수 있어요.`,
    legend: '시간을 누를 때마다 바뀌어요: ✅ 가능 → 🤔 필요하면 가능 → ▫️ 불가',
    legendDates: '날짜를 누를 때마다 바뀌어요: ✅ 가능 → 🤔 필요하면 가능 → ▫️ 불가',
    summaryDays: (yes: number, maybe: number) => `✅ 가능 ${yes}일 · 🤔 필요하면 가능 ${maybe}일`,
    selectLegend: '메뉴에서 고른 시간은 한 단계씩 바뀌어요: ✅ 가능 → 🤔 필요하면 가능 → ▫️ 불가',
    choose: (from: string, to: string) => (from === to ? `${from} 바꾸기` : `${from} – ${to} 중 바꾸기`),
    page: (n: number, of: number) => `${n}/${of}쪽`,
    saved: (title: string) => `${title} 응답을 저장했어요.`,
    summary: (yes: number, maybe: number) => `✅ 가능 ${yes}칸 · 🤔 필요하면 가능 ${maybe}칸`,
    closed: '마감된 투표예요. 응답을 볼 수는 있지만 바꿀 수는 없어요.',
  },
  results: {
    title: (title: string) => `가장 좋은 시간 · ${title}`,
    none: '아직 응답이 없어요.',
    noWindow: '아직 응답한 사람들이 함께 되는 시간이 없어요.',
    everyone: '모두 가능',
    fitsAnywhere: (kind: string, length: string, n: number) =>
      kind === 'block'
        ? n === 1
          ? '이 구간들 모두 같은 사람들이 가능해요. 어느 구간이든 괜찮아요.'
          : `이 구간들 내내 같은 사람들이 가능해요. 이 중 연속된 구간 ${n}개를 골라 잡으면 돼요.`
        : kind === 'date'
          ? `이 기간 내내 같은 사람들이 가능해요. ${length} 일정은 이 안에서 언제든 잡을 수 있어요.`
          : `이 시간대 내내 같은 사람들이 가능해요. ${length} 모임은 이 안에서 아무 때나 잡아도 돼요.`,
    anyWithin: (length: string) => `이 안에서 ${length}`,
    allWhoAnswered: (waiting: number) => `응답한 사람 모두 가능 · ${waiting}명 미응답`,
    most: '대부분 가능',
    free: '가능',
    maybe: '필요하면 가능',
    unavailable: '불가',
    pending: '미응답',
    requiredMissing: (names: RichInput) => rich`아직 응답하지 않은 필수 참석자: ${names}`,
    respondents: (n: number) => `${n}명 응답`,
    heatmapAlt: (title: string) => `${title} 가능 시간 히트맵`,
    overlayAlt: '그룹 히트맵 위의 내 응답',
    hiddenClosedOnly: '결과는 마감 후에 공개돼요. 투표를 만든 분이라 미리 보여 드려요.',
  },
  lifecycle: {
    created: (who: string) => `${who}님이 투표를 시작했어요.`,
    closed: (who: string, title: string, code: string) => `${who}님이 “${title}”(${code}) 투표를 마감했어요.`,
    reopened: (who: string, title: string, code: string) => `${who}님이 “${title}”(${code}) 투표를 다시 열었어요.`,
    deleted: (title: string, code: string) => `“${title}”(${code}) 투표를 삭제했어요.`,
    picked: (title: string, when: RichInput) => rich`📌 “${title}” 시간이 정해졌어요: ${when}`,
    closedOnTime: (title: string, code: string) => `“${title}”(${code}) 투표가 마감 시각이 되어 마감됐어요.`,
    closedLate: (title: string, code: string) => `“${title}”(${code}) 투표가 늦게 마감됐어요. 제가 꺼져 있는 동안 마감 시각이 지났어요.`,
    reminderMissing: (title: string, pollCode: string, when: RichInput, who: RichInput) =>
      rich`“${title}”(${pollCode}) 투표가 ${when}에 마감돼요. 아직 ${who}님의 응답을 기다리고 있어요.`,
    reminderCount: (title: string, pollCode: string, when: RichInput, n: number) =>
      rich`“${title}”(${pollCode}) 투표가 ${when}에 마감돼요. 지금까지 ${n}명이 응답했어요.`,
    everyoneAnswered: (title: string, code: string) => `기다리던 모든 분이 “${title}”(${code})에 응답했어요. 지금 마감할까요?`,
    addToCalendar: 'Google 캘린더에 추가',
    pickedFree: '참석 가능',
    pickedNobody: '응답한 사람 중 이 시간에 가능한 사람이 없어요.',
  },
  list: {
    title: '이 채널의 진행 중인 투표',
    none: rich`이 채널에 진행 중인 투표가 없어요. ${code('/yakjeong create')}로 시작해 보세요.`,
    item: (code: string, title: string, answered: number) => `${code} · ${title} · ${answered}명 응답`,
    unreadable: (pollCode: string) => rich`${pollCode} · 이 투표는 읽을 수 없어요(저장된 데이터 손상). ${code(`/yakjeong delete ${pollCode}`)}로 지울 수 있어요`,
  },
  history: {
    title: (title: string, code: string) => `응답 기록 · ${title} (${code})`,
    none: '아직 응답이 없어요.',
    cleared: '응답 지움',
    more: (n: number) => `…외 ${n}건`,
  },
  tz: {
    current: (tz: string, source: string) => `내 시간대: ${tz} (${source})`,
    set: (tz: string) => `내 시간대를 ${tz}(으)로 바꿨어요. 보이는 시간과 입력하는 시간 모두 이 기준이에요.`,
    sources: { saved: '직접 설정', platform: '프로필 기준', default: '기본값' },
  },
  answerText: {
    saved: (title: string, code: string) => `“${title}”(${code}) 응답을 저장했어요.`,
  },
  honest: {
    answerCleared: (title: string, code: string) => `“${title}”(${code}) 응답을 지웠어요. 이제 응답한 사람으로 세지 않아요.`,
    placeFreed: (max: number) => `자리 하나가 다시 비었어요(최대 ${max}명).`,
    nothingToClear: (title: string, code: string) => `“${title}”(${code}) 투표에는 남긴 응답이 없어서 지울 것이 없어요.`,
    leftOutHours: (spans: string, hours: string) => `이 투표의 시간(${hours}) 밖이라 빠졌어요: ${spans}`,
    leftOutPartSlot: (spans: string, slot: string) => `한 칸(${slot})을 다 채우지 않아 빠졌어요: ${spans}`,
    leftOutDates: (dates: string, offered: string) => `이 투표의 날짜(${offered})가 아니라서 빠졌어요: ${dates}`,
    leftOutWeekdays: (days: string, offered: string) => `이 투표의 요일(${offered})이 아니라서 빠졌어요: ${days}`,
    pickCannot: (who: readonly RichInput[], more: number) => rich`${people(who, more)}은 고른 시간에 끝까지 참석할 수 없어요.`,
    pickNoAnswer: (who: readonly RichInput[], more: number) => rich`${people(who, more)}은 아직 응답하지 않았어요.`,
    wentToNewest: (open: number, title: string, pollCode: string, example: string) =>
      rich`이 채널에 진행 중인 투표가 ${open}개 있어요. 코드를 쓰지 않아서 가장 최근 투표인 “${title}”(${pollCode}) 투표로 보냈어요. 다른 투표에 응답하려면 코드를 먼저 써 주세요: ${code(example)}`,
  },
  state: { yes: '가능', maybe: '필요하면 가능', no: '불가' },
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
    month: (y: number, m: number) => `${y}년 ${m}월`,
  },
  createUsage: (d: ExampleDates) =>
    [
      '투표 만들기: /yakjeong create 제목 dates:… [옵션]',
      '종류: time(시간, time:이 있으면 기본), block(구간, blocks:), date(날짜 단위).',
      '예시:',
      `  /yakjeong create 팀 회식 dates:${d.md(0)}-${d.md(4)} time:18:00-22:00 slot:1h`,
      '  /yakjeong create 스터디 dates:월-금 time:19:00-23:00 slot:30m duration:2h',
      `  /yakjeong create 워크숍 dates:${d.iso(0)},${d.iso(2)} blocks:오전,오후`,
      `  /yakjeong create 여행 kind:date dates:${d.iso(0)}..${d.iso(19)} duration:3d deadline:3d`,
      '옵션: desc: kind: dates: time: slot:15m|30m|1h|2h blocks: deadline: tz: duration: max: with:@a @b must:@a remind:24h,1h hidden:yes',
    ].join('\n'),
  help: {
    title: '약정 — 모두 되는 시간 찾기',
    footer: (koreanWords: string) => ['코드를 생략하면 이 채널의 가장 최근 진행 중인 투표에 적용돼요.', `한국어 명령도 돼요: ${koreanWords}`],
  },
};

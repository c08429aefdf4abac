/**
 * Words only the Slack adapter says: the create modal's labels and a few Slack-specific
 * notes. Core's catalogs stay platform-free, so these live here, in the same two languages.
 */
import type { Locale } from '../../src/core/domain/types.js';
import { code, rich, type RichInput } from '../../src/core/views/rich.js';

const en = {
  modal: {
    title: 'New Yakjeong poll',
    submit: 'Create',
    close: 'Cancel',
    intro: 'Everything but the title and the dates can be left as it is.',
    titleLabel: 'Title',
    titlePlaceholder: 'Team dinner',
    descLabel: 'Description',
    kindLabel: 'Kind of poll',
    kindTime: 'Times of day (e.g. 09:00–18:00 in 30-minute slots)',
    kindBlock: 'Named blocks (lunch, dinner, …)',
    kindDate: 'Whole days',
    startLabel: 'First date',
    endLabel: 'Last date',
    endHint: 'Leave empty for a one-day poll.',
    weekdaysLabel: 'Or every week on',
    weekdaysHint: 'Pick weekdays for a weekly poll instead of dates.',
    dayStartLabel: 'Day starts at',
    dayEndLabel: 'Day ends at',
    dayHint: 'Time polls only. An end before the start runs past midnight.',
    slotLabel: 'Slot size',
    blocksLabel: 'Blocks',
    blocksPlaceholder: 'lunch=12:00-13:00, dinner=18:00-21:00',
    blocksHint: 'Block polls only. Names separated by commas, optionally with times.',
    durationLabel: 'Meeting length',
    durationPlaceholder: '1h, 2 blocks or 2d',
    deadlineLabel: 'Deadline',
    remindLabel: 'Reminders before the deadline',
    remindPlaceholder: '24h, 1h',
    tzLabel: 'Time zone',
    tzHint: 'An IANA name like Asia/Seoul. Filled in from your Slack profile.',
    withLabel: 'People expected to answer',
    mustLabel: 'People who must be free',
    maxLabel: 'Participant limit',
    hiddenLabel: 'Results',
    hiddenOption: 'Hide results until the poll closes',
  },
  /**
   * Modal-specific versions of core errors whose text speaks of the text grammar, or quotes what
   * the form wrote from its pickers (an ISO date range, a UTC deadline) rather than what was picked.
   */
  modalErrors: {
    MISSING_DATES: 'Pick a first date, or weekdays for a weekly poll.',
    MISSING_TIME_RANGE: 'A time poll needs the hours of its day.',
    bothDaysAndWeekdays: 'Pick dates or weekdays, not both.',
    badMetadata: 'This form is out of date. Close it and run /yakjeong create again.',
    MISSING_TITLE: 'A poll needs a title.',
    DATES_IN_PAST: 'These dates have all gone by. Pick a first date from today on.',
    TIMES_IN_PAST: 'Every hour of these dates has already gone by. Pick a later first date, or later hours.',
    BAD_DATE_RANGE: 'The last date is before the first date. Pick the same day or a later one, or leave it empty.',
    DEADLINE_IN_PAST: 'This deadline has already passed. Pick a time in the future.',
    DEADLINE_TOO_FAR: (days: number) => `This deadline is too far away. Pick one at most ${days} days from now.`,
    REMIND_WITHOUT_DEADLINE: 'Reminders come before a deadline. Pick a deadline too, or leave this empty.',
  },
  dmNote: '📩 I sent the picture to you in a direct message.',
  /** For a picture that follows its message: it is not there yet. */
  dmNoteLater: '📩 The picture will come to you in a direct message.',
  meetingSoon: (title: string, when: RichInput, minutes: number) => rich`“${title}” starts ${when}, in ${minutes} minutes.`,
  notInChannel: rich`I can't post in this channel. Invite me with ${code('/invite @Yakjeong')} and try again.`,
  /** mrkdwn; `channel` is a `<#C…>` mention or `thisChannel`. */
  pollNotPosted: (channel: string) =>
    `I'm not a member of ${channel}, so I couldn't post your poll there and didn't keep it. Invite me with \`/invite @Yakjeong\` in that channel, then create the poll again.`,
  thisChannel: 'this channel',
  uploadRefused: rich`I couldn't share the picture or file here because I'm not a member of this channel. Invite me with ${code('/invite @Yakjeong')} so I can next time.`,
};

export type SlackStrings = typeof en;

const ko: SlackStrings = {
  modal: {
    title: '새 약정 투표',
    submit: '만들기',
    close: '취소',
    intro: '제목과 날짜 말고는 그대로 두어도 돼요.',
    titleLabel: '제목',
    titlePlaceholder: '팀 회식',
    descLabel: '설명',
    kindLabel: '투표 종류',
    kindTime: '하루 중 시간 (예: 09:00–18:00, 30분 단위)',
    kindBlock: '이름 붙인 구간 (점심, 저녁 …)',
    kindDate: '날짜 (하루 단위)',
    startLabel: '시작 날짜',
    endLabel: '마지막 날짜',
    endHint: '하루짜리 투표면 비워 두세요.',
    weekdaysLabel: '또는 매주 이 요일',
    weekdaysHint: '날짜 대신 요일을 고르면 매주 반복되는 투표가 돼요.',
    dayStartLabel: '하루 시작 시각',
    dayEndLabel: '하루 끝 시각',
    dayHint: '시간 투표에만 쓰여요. 끝이 시작보다 이르면 자정을 넘겨요.',
    slotLabel: '칸 크기',
    blocksLabel: '구간',
    blocksPlaceholder: '점심=12:00-13:00, 저녁=18:00-21:00',
    blocksHint: '구간 투표에만 쓰여요. 쉼표로 나누고, 원하면 시각을 붙여요.',
    durationLabel: '모임 길이',
    durationPlaceholder: '1시간 · 구간 투표는 2 · 날짜 투표는 2일',
    deadlineLabel: '마감',
    remindLabel: '마감 전 알림',
    remindPlaceholder: '24시간, 1시간',
    tzLabel: '시간대',
    tzHint: 'Asia/Seoul 같은 IANA 이름이에요. Slack 프로필에서 가져왔어요.',
    withLabel: '응답할 사람',
    mustLabel: '꼭 와야 하는 사람',
    maxLabel: '최대 인원',
    hiddenLabel: '결과',
    hiddenOption: '마감 전까지 결과 숨기기',
  },
  modalErrors: {
    MISSING_DATES: '시작 날짜를 고르거나, 매주 반복할 요일을 골라 주세요.',
    MISSING_TIME_RANGE: '시간 투표에는 하루의 시작과 끝 시각이 필요해요.',
    bothDaysAndWeekdays: '날짜와 요일 중 하나만 골라 주세요.',
    badMetadata: '오래된 입력 창이에요. 닫고 /yakjeong create 명령을 다시 실행해 주세요.',
    MISSING_TITLE: '투표 제목이 필요해요.',
    DATES_IN_PAST: '고른 날짜가 모두 지났어요. 오늘이나 그 뒤의 시작 날짜를 골라 주세요.',
    TIMES_IN_PAST: '고른 날짜의 시간이 모두 이미 지났어요. 더 늦은 시작 날짜나 시각을 골라 주세요.',
    BAD_DATE_RANGE: '마지막 날짜가 시작 날짜보다 앞서요. 같은 날이나 그 뒤를 고르거나, 비워 두세요.',
    DEADLINE_IN_PAST: '마감 시각이 이미 지났어요. 앞으로 올 시각을 골라 주세요.',
    DEADLINE_TOO_FAR: (days: number) => `마감이 너무 멀어요. 지금부터 ${days}일 안으로 골라 주세요.`,
    REMIND_WITHOUT_DEADLINE: '알림은 마감 전에 보내요. 마감도 고르거나, 이 칸을 비워 주세요.',
  },
  dmNote: '📩 그림은 다이렉트 메시지로 보냈어요.',
  dmNoteLater: '📩 그림은 다이렉트 메시지로 보내 드릴게요.',
  meetingSoon: (title: string, when: RichInput, minutes: number) => rich`“${title}” 모임이 ${minutes}분 뒤(${when})에 시작해요.`,
  notInChannel: rich`이 채널에 글을 올릴 수 없어요. ${code('/invite @Yakjeong')} 명령으로 저를 초대한 뒤 다시 해 주세요.`,
  pollNotPosted: (channel: string) =>
    `제가 ${channel} 채널의 멤버가 아니라서 투표를 올리지 못했고, 투표도 남겨 두지 않았어요. 그 채널에서 \`/invite @Yakjeong\` 명령으로 저를 초대한 뒤 투표를 다시 만들어 주세요.`,
  thisChannel: '이',
  uploadRefused: rich`제가 이 채널의 멤버가 아니라서 그림이나 파일을 올리지 못했어요. 다음에는 올릴 수 있게 ${code('/invite @Yakjeong')} 명령으로 저를 초대해 주세요.`,
};

export function slackStrings(locale: Locale): SlackStrings {
  return locale === 'ko' ? ko : en;
}

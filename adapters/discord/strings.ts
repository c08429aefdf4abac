/**
 * Words only the Discord adapter says: the create form and the notes about missing permissions.
 * Core's catalogs stay platform-free, so these live here, in the same two languages.
 */
import type { Locale } from '../../src/core/domain/types.js';
import type { Refusal } from '../shared/delivery.js';

export type CreateFormField = 'title' | 'dates' | 'time' | 'more' | 'deadline';

export interface DiscordStrings {
  createForm: { title: string; labels: Record<CreateFormField, string>; hints: Record<CreateFormField, string> };
  /** Said privately to the person who picked when the server event could not be made. */
  eventFailed: string;
  /** Said privately when Discord would not let the bot post here; files are part of the message, so they count as it. */
  refused: Record<Refusal, string>;
}

const EN_NOT_POSTED = 'Done, but I could not post in this channel: the bot needs Send Messages, Embed Links and Attach Files here.';

const en: DiscordStrings = {
  createForm: {
    title: 'New scheduling poll',
    labels: { title: 'Title', dates: 'Dates', time: 'Daily hours', more: 'Slot size, kind or more options', deadline: 'Deadline' },
    hints: {
      title: 'Team dinner',
      dates: '12/8-12/12 · 12/8,12/10 · mon-fri',
      time: '18:00-22:00 (leave empty for a date or block poll)',
      more: '1h · kind:date duration:2d · blocks:lunch,dinner',
      deadline: '24h · 3d · YYYY-MM-DD 18:00',
    },
  },
  eventFailed: "I could not add this to the server's events: the bot needs the Create Events permission. The final time stands.",
  refused: {
    poll: 'I could not post the poll in this channel, so no poll was made: the bot needs View Channel, Send Messages and Embed Links here.',
    channel: EN_NOT_POSTED,
    files: EN_NOT_POSTED,
  },
};

const KO_NOT_POSTED = '처리는 됐지만 이 채널에 메시지를 올리지 못했어요. 봇에게 메시지 보내기, 링크 첨부, 파일 첨부 권한이 필요해요.';

const ko: DiscordStrings = {
  createForm: {
    title: '새 일정 투표',
    labels: { title: '제목', dates: '날짜', time: '하루 중 시간 범위', more: '칸 크기, 종류 또는 다른 옵션', deadline: '마감' },
    hints: {
      title: '팀 회식',
      dates: '12/8-12/12 · 12/8,12/10 · 월-금',
      time: '18:00-22:00 (날짜·구간 투표는 비워 두기)',
      more: '1시간 · 종류:날짜 길이:2일 · 구간:점심,저녁',
      deadline: '24시간 · 3일 · YYYY-MM-DD 18:00',
    },
  },
  eventFailed: '서버 이벤트는 만들지 못했어요. 봇에게 이벤트 만들기(Create Events) 권한이 필요해요. 확정된 시간은 그대로예요.',
  refused: {
    poll: '이 채널에 투표를 올리지 못해 투표를 만들지 않았어요. 봇에게 채널 보기, 메시지 보내기, 링크 첨부 권한이 필요해요.',
    channel: KO_NOT_POSTED,
    files: KO_NOT_POSTED,
  },
};

export function discordStrings(locale: Locale): DiscordStrings {
  return locale === 'ko' ? ko : en;
}

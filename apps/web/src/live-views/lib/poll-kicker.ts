import type { Poll } from '@hallbridge/contracts';
import type { TFunction } from 'i18next';

/** "Quiz", or "Poll · single choice": the line above a poll's question. */
export const pollKicker = (t: TFunction, poll: Pick<Poll, 'kind'>): string =>
  poll.kind === 'quiz'
    ? t('live.polls.quizTitle')
    : `${t('live.polls.pollTitle')} · ${t(`polls.kinds.${poll.kind}`)}`;

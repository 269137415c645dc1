import {
  type Poll,
  type PollDraft,
  type PollKind,
  pollHasOptions,
  POLL_MAX_OPTIONS,
  RATING_MAX,
} from '@hallbridge/contracts';
import { ratingMaxOf } from '@hallbridge/domain';

export interface PollFormOption {
  id: string;
  label: string;
}

/** What the poll editor holds while the presenter types. */
export interface PollForm {
  question: string;
  kind: PollKind;
  options: PollFormOption[];
  ratingMax: number;
  /** Quiz: the right options. */
  correct: string[];
  anonymous: boolean;
  allowChange: boolean;
}

export type PollFormProblem = 'question' | 'options' | 'correct';

/** Option ids a, b, c…: as many letters as a poll may have options. */
const OPTION_IDS = Array.from({ length: POLL_MAX_OPTIONS }, (_, i) => String.fromCharCode(97 + i));

export function emptyPollForm(kind: PollKind = 'single'): PollForm {
  return {
    question: '',
    kind,
    options: [
      { id: 'a', label: '' },
      { id: 'b', label: '' },
    ],
    ratingMax: RATING_MAX.default,
    correct: [],
    anonymous: true,
    allowChange: false,
  };
}

export function pollFormOf(poll: Poll): PollForm {
  return {
    question: poll.question,
    kind: poll.kind,
    options: poll.options.length > 0 ? poll.options.map((o) => ({ ...o })) : emptyPollForm().options,
    ratingMax: ratingMaxOf(poll),
    correct: poll.correctOptionIds ?? [],
    anonymous: poll.anonymous,
    allowChange: poll.allowChange,
  };
}

/** The first letter not yet used by an option (ids stay stable when options are removed). */
export function nextOptionId(options: readonly PollFormOption[]): string | null {
  return OPTION_IDS.find((id) => !options.some((o) => o.id === id)) ?? null;
}

/** The draft to send, or what is missing; blank options are left out. */
export function toPollDraft(form: PollForm): { draft: PollDraft } | { problem: PollFormProblem } {
  const question = form.question.trim();
  if (!question) return { problem: 'question' };
  const choice = pollHasOptions(form.kind);
  const options = choice
    ? form.options.map((o) => ({ id: o.id, label: o.label.trim() })).filter((o) => o.label)
    : [];
  if (choice && options.length < 2) return { problem: 'options' };
  const correct = form.correct.filter((id) => options.some((o) => o.id === id));
  if (form.kind === 'quiz' && correct.length === 0) return { problem: 'correct' };
  return {
    draft: {
      question,
      kind: form.kind,
      options,
      ratingMax: form.kind === 'rating' ? form.ratingMax : null,
      correctOptionIds: form.kind === 'quiz' ? correct : null,
      anonymous: form.anonymous,
      allowChange: form.allowChange,
    },
  };
}

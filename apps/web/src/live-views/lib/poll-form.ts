import type { Poll, PollDraft, PollKind } from '@hallbridge/contracts';

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

export const MAX_OPTIONS = 12;
const OPTION_IDS = 'abcdefghijkl'.split('');

export const hasOptions = (kind: PollKind) => kind === 'single' || kind === 'multiple' || kind === 'quiz';

export function emptyPollForm(kind: PollKind = 'single'): PollForm {
  return {
    question: '',
    kind,
    options: [
      { id: 'a', label: '' },
      { id: 'b', label: '' },
    ],
    ratingMax: 5,
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
    ratingMax: poll.ratingMax ?? 5,
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
  const choice = hasOptions(form.kind);
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

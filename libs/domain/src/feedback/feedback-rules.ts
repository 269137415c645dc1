/**
 * The anonymous survey after a session. Answers carry no member and no time; a separate receipt
 * says who has answered (to refuse a second answer), never what. Results show only once enough
 * people answered that no single answer can be told apart.
 */
export type FeedbackQuestionKind = 'rating' | 'text';

export interface FeedbackQuestion {
  id: string;
  kind: FeedbackQuestionKind;
  /** Asked once per presenter of the session (e.g. "the presenter's clarity"). */
  perPresenter: boolean;
}

/** Ratings run 1..5. */
export const RATING_MAX = 5;

/** Fewer answers than this and a session's (or presenter's) results stay hidden. */
export const MIN_FEEDBACK_RESPONSES = 3;

export type FeedbackRefusal = 'feedback_closed' | 'feedback_already_sent' | 'answers_invalid';

const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());

export function feedbackOpen(opensAt: Date | number, closesAt: Date | number, now: Date | number): boolean {
  return ms(now) >= ms(opensAt) && ms(now) <= ms(closesAt);
}

/**
 * One answer per question (and per presenter where asked per presenter): a rating 1..5 or a text.
 * Questions may be skipped; nothing else may be sent.
 */
export type FeedbackAnswers = Record<string, number | string | Record<string, number | string>>;

export function answersProblem(
  questions: readonly FeedbackQuestion[],
  presenterIds: readonly string[],
  answers: FeedbackAnswers,
): string | null {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const valid = (q: FeedbackQuestion, v: unknown) =>
    q.kind === 'rating'
      ? Number.isInteger(v) && (v as number) >= 1 && (v as number) <= RATING_MAX
      : typeof v === 'string';
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) return `${id}: no such question`;
    if (q.perPresenter) {
      if (typeof value !== 'object' || value === null) return `${id}: one answer per presenter`;
      for (const [presenterId, v] of Object.entries(value)) {
        if (!presenterIds.includes(presenterId)) return `${id}: ${presenterId} does not present this session`;
        if (!valid(q, v))
          return `${id}: ${q.kind === 'rating' ? `a rating from 1 to ${RATING_MAX}` : 'a text'}`;
      }
    } else if (!valid(q, value))
      return `${id}: ${q.kind === 'rating' ? `a rating from 1 to ${RATING_MAX}` : 'a text'}`;
  }
  return null;
}

export interface RatingTally {
  count: number;
  /** Mean of the ratings; null with none. */
  mean: number | null;
  /** distribution[0] is the number of 1s … distribution[4] of 5s. */
  distribution: number[];
}

export interface QuestionResult {
  questionId: string;
  /** null for questions about the session; a presenter's id for questions asked per presenter. */
  presenterId: string | null;
  rating: RatingTally | null;
  texts: string[];
}

function tallyOf(values: number[]): RatingTally {
  const distribution = Array.from({ length: RATING_MAX }, () => 0);
  for (const v of values) distribution[v - 1]!++;
  return {
    count: values.length,
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    distribution,
  };
}

/** Results per question (and per presenter), texts in a stable order that is not the order answered. */
export function tallyFeedback(
  questions: readonly FeedbackQuestion[],
  presenterIds: readonly string[],
  responses: readonly FeedbackAnswers[],
): QuestionResult[] {
  const out: QuestionResult[] = [];
  for (const q of questions) {
    const targets = q.perPresenter ? presenterIds : [null];
    for (const presenterId of targets) {
      const values = responses
        .map((r) => {
          const v = r[q.id];
          return presenterId === null ? v : typeof v === 'object' && v !== null ? v[presenterId] : undefined;
        })
        .filter((v) => v !== undefined && v !== '');
      out.push({
        questionId: q.id,
        presenterId,
        rating:
          q.kind === 'rating' ? tallyOf(values.filter((v): v is number => typeof v === 'number')) : null,
        texts:
          q.kind === 'text'
            ? values
                .filter((v): v is string => typeof v === 'string')
                .sort((a, b) => a.localeCompare(b, 'vi'))
            : [],
      });
    }
  }
  return out;
}

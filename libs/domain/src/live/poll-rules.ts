import { type Poll, type PollOption, type PollTally, RATING_MAX } from '@hallbridge/contracts';
import { DomainError } from '../domain-error';

export const TEXT_ANSWERS_SHOWN = 200;

/**
 * Whether an answer may hold several options: multiple choice, and a quiz with several right
 * options. A member's card asks this too, so it can never offer one choice where several count.
 */
export const picksSeveral = (poll: Pick<Poll, 'kind' | 'correctOptionIds'>) =>
  poll.kind === 'multiple' || (poll.kind === 'quiz' && (poll.correctOptionIds?.length ?? 0) > 1);

/** The top of a rating poll's scale. */
export const ratingMaxOf = (poll: Pick<Poll, 'ratingMax'>) => poll.ratingMax ?? RATING_MAX.default;

/**
 * What an answer is made of: the options, or a rating's values 1..max with themselves as labels
 * (none for text). Answer cards, room counts and charts all list these.
 */
export function answerChoices(poll: Pick<Poll, 'kind' | 'options' | 'ratingMax'>): PollOption[] {
  if (poll.kind === 'rating')
    return Array.from({ length: ratingMaxOf(poll) }, (_, i) => ({ id: String(i + 1), label: String(i + 1) }));
  if (poll.kind === 'text') return [];
  return poll.options;
}

/** The same answer, whatever the order of its options. */
export function sameAnswer(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

/** Checks an answer against the poll's kind and returns it normalised (sorted ids, trimmed text). */
export function normaliseAnswer(poll: Poll, answer: string[]): string[] {
  const invalid = (summary: string) =>
    new DomainError('VALIDATION_FAILED', { summary: `answer: ${summary}` });
  switch (poll.kind) {
    case 'text': {
      if (answer.length !== 1) throw invalid('give one text answer');
      return [answer[0]!.trim()];
    }
    case 'rating': {
      const value = Number(answer[0]);
      if (answer.length !== 1 || !Number.isInteger(value) || value < 1 || value > ratingMaxOf(poll))
        throw invalid(`give a whole number from 1 to ${ratingMaxOf(poll)}`);
      return [String(value)];
    }
    default: {
      const ids = [...new Set(answer)].sort();
      if (ids.some((id) => !poll.options.some((o) => o.id === id)))
        throw invalid('choose among the poll options');
      if (!picksSeveral(poll) && ids.length !== 1) throw invalid('choose exactly one option');
      return ids;
    }
  }
}

/** Keys a district room may count by show of hands: the options, or the rating values. */
export function countableKeys(poll: Poll): string[] {
  return answerChoices(poll).map((o) => o.id);
}

/**
 * Results of one poll: device answers and district-room show-of-hands counts kept apart so reports
 * can say which is which; a rating's mean weighs both.
 */
export function tallyPoll(
  poll: Poll,
  answers: ReadonlyMap<string, string[]> | undefined,
  siteCounts: ReadonlyMap<string, Record<string, number>> | undefined,
): PollTally {
  const keys = countableKeys(poll);
  const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const fromSites: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const texts: string[] = [];
  for (const answer of answers?.values() ?? []) {
    if (poll.kind === 'text') texts.push(answer[0] ?? '');
    else for (const id of answer) if (id in counts) counts[id]! += 1;
  }
  for (const siteCount of siteCounts?.values() ?? [])
    for (const [k, n] of Object.entries(siteCount)) if (k in fromSites) fromSites[k]! += n;

  let ratingMean: number | null = null;
  if (poll.kind === 'rating') {
    let sum = 0;
    let n = 0;
    for (const k of keys) {
      const people = counts[k]! + fromSites[k]!;
      sum += Number(k) * people;
      n += people;
    }
    ratingMean = n ? Math.round((sum / n) * 100) / 100 : null;
  }
  return {
    pollId: poll.id,
    respondents: answers?.size ?? 0,
    counts,
    siteCounts: fromSites,
    sitesReporting: siteCounts?.size ?? 0,
    ratingMean,
    texts: texts.reverse().slice(0, TEXT_ANSWERS_SHOWN),
  };
}

/** A quiz answered exactly right (false until the right answer is known to the viewer). */
export function isCorrect(
  poll: Pick<Poll, 'kind' | 'correctOptionIds'>,
  answer: readonly string[] | null | undefined,
): boolean {
  if (poll.kind !== 'quiz' || !answer || !poll.correctOptionIds) return false;
  return sameAnswer(answer, poll.correctOptionIds);
}

/** One point per quiz question answered exactly right, counted once its answer has been revealed. */
export function quizScore(
  polls: Iterable<Poll>,
  answers: ReadonlyMap<string, ReadonlyMap<string, string[]>>,
  key: string,
): number {
  let score = 0;
  for (const poll of polls)
    if (poll.kind === 'quiz' && poll.resultsVisible && isCorrect(poll, answers.get(poll.id)?.get(key)))
      score += 1;
  return score;
}

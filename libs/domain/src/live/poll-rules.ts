import type { Poll, PollTally } from '@hallbridge/contracts';
import { DomainError } from '../domain-error';

export const TEXT_ANSWERS_SHOWN = 200;

/** A quiz with several right options is answered like a multiple-choice question. */
const picksSeveral = (poll: Poll) =>
  poll.kind === 'multiple' || (poll.kind === 'quiz' && (poll.correctOptionIds?.length ?? 0) > 1);

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
      if (answer.length !== 1 || !Number.isInteger(value) || value < 1 || value > (poll.ratingMax ?? 5))
        throw invalid(`give a whole number from 1 to ${poll.ratingMax ?? 5}`);
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
  if (poll.kind === 'rating') return Array.from({ length: poll.ratingMax ?? 5 }, (_, i) => String(i + 1));
  if (poll.kind === 'text') return [];
  return poll.options.map((o) => o.id);
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

export function isCorrect(poll: Poll, answer: readonly string[] | undefined): boolean {
  if (poll.kind !== 'quiz' || !answer || !poll.correctOptionIds) return false;
  const right = [...poll.correctOptionIds].sort();
  return answer.length === right.length && [...answer].sort().every((id, i) => id === right[i]);
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

import { Injectable } from '@nestjs/common';
import type { Poll, PollTally } from '@hallbridge/contracts';
import {
  canManageSession,
  DomainError,
  isCorrect,
  participantIds,
  quizScore,
  tallyPoll,
} from '@hallbridge/domain';
import type { RequestActor } from '../auth/request-actor';
import { translate } from '../common/i18n/translate';
import { PrismaService } from '../database/prisma.service';
import { SessionsService } from '../sessions/sessions.service';
import { LiveRooms } from './live-rooms';

export interface PollResult {
  poll: Poll;
  tally: PollTally;
}

/**
 * Poll results as stored with the session (rebuilt from the live room's log), for the presenters
 * and the organisers: a summary per option, who answered what in named polls, and quiz points.
 */
@Injectable()
export class PollResultsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly rooms: LiveRooms,
  ) {}

  async results(actor: RequestActor, sessionId: string): Promise<PollResult[]> {
    const room = await this.roomFor(actor, sessionId);
    return [...room.polls.values()]
      .sort((a, b) => a.position - b.position)
      .map((poll) => ({
        poll,
        tally: tallyPoll(poll, room.answers.get(poll.id), room.siteCounts.get(poll.id)),
      }));
  }

  /** Rows for the summary CSV: one per option (or per text answer), devices and rooms apart. */
  async summaryRows(
    actor: RequestActor,
    sessionId: string,
    lang?: string,
  ): Promise<(string | number | null)[][]> {
    const rows: (string | number | null)[][] = [];
    for (const [index, { poll, tally }] of (await this.results(actor, sessionId)).entries()) {
      const base = [
        index + 1,
        poll.question,
        translate(lang, `polls.kinds.${poll.kind}`),
        tally.respondents,
        tally.sitesReporting,
      ];
      if (poll.kind === 'text') {
        for (const text of tally.texts) rows.push([...base, text, 1, 0, 1, null]);
        continue;
      }
      const labels =
        poll.kind === 'rating'
          ? Object.keys(tally.counts).map((k) => [k, k])
          : poll.options.map((o) => [o.id, poll.correctOptionIds?.includes(o.id) ? `${o.label} ✓` : o.label]);
      const total = Object.keys(tally.counts).reduce(
        (sum, k) => sum + tally.counts[k]! + tally.siteCounts[k]!,
        0,
      );
      for (const [key, label] of labels) {
        const people = tally.counts[key!]! + tally.siteCounts[key!]!;
        rows.push([
          ...base,
          label!,
          tally.counts[key!]!,
          tally.siteCounts[key!]!,
          people,
          total ? Math.round((people / total) * 1000) / 10 : 0,
        ]);
      }
    }
    return rows;
  }

  /** Who answered what, for polls that were not anonymous (quizzes also show right or wrong). */
  async answerRows(
    actor: RequestActor,
    sessionId: string,
    lang?: string,
  ): Promise<(string | number | null)[][]> {
    const room = await this.roomFor(actor, sessionId);
    const names = await this.memberNames([...room.answers.values()].flatMap((m) => [...m.keys()]));
    const rows: (string | number | null)[][] = [];
    for (const poll of [...room.polls.values()].sort((a, b) => a.position - b.position)) {
      if (poll.anonymous) continue;
      for (const [key, answer] of room.answers.get(poll.id) ?? []) {
        const who = names.get(key);
        const text =
          poll.kind === 'text' || poll.kind === 'rating'
            ? answer.join('')
            : answer.map((id) => poll.options.find((o) => o.id === id)?.label ?? id).join('; ');
        const verdict =
          poll.kind === 'quiz'
            ? translate(lang, isCorrect(poll, answer) ? 'polls.correct' : 'polls.wrong')
            : null;
        rows.push([poll.position, poll.question, who?.fullName ?? key, who?.unitName ?? null, text, verdict]);
      }
    }
    return rows;
  }

  /** Quiz points per member who answered at least one revealed quiz question. */
  async quizRows(actor: RequestActor, sessionId: string): Promise<(string | number | null)[][]> {
    const room = await this.roomFor(actor, sessionId);
    const quizzes = [...room.polls.values()].filter((p) => p.kind === 'quiz' && p.resultsVisible);
    const keys = [...new Set(quizzes.flatMap((p) => [...(room.answers.get(p.id)?.keys() ?? [])]))];
    const names = await this.memberNames(keys);
    return keys
      .map(
        (key) =>
          [
            names.get(key)?.fullName ?? key,
            names.get(key)?.unitName ?? null,
            quizScore(quizzes, room.answers, key),
            quizzes.length,
          ] as (string | number | null)[],
      )
      .sort((a, b) => (b[2] as number) - (a[2] as number) || String(a[0]).localeCompare(String(b[0]), 'vi'));
  }

  private async roomFor(actor: RequestActor, sessionId: string) {
    const session = await this.sessions.findVisible(actor, sessionId);
    const presents = actor.userId !== null && session.presenters.some((p) => p.userId === actor.userId);
    if (!presents && !canManageSession(actor, session.hostUnit.path)) throw new DomainError('FORBIDDEN');
    return (await this.rooms.open(sessionId)).room;
  }

  private async memberNames(keys: string[]) {
    const ids = keys.flatMap((k) => participantIds(k).memberId ?? []);
    const members = await this.prisma.member.findMany({
      where: { id: { in: ids } },
      include: { unit: { select: { name: true } } },
    });
    return new Map(members.map((m) => [`m:${m.id}`, { fullName: m.fullName, unitName: m.unit.name }]));
  }
}

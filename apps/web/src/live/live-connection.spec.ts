import type { LiveSnapshot, Participant } from '@hallbridge/contracts';
import { applyPersonal, catchUpFrom } from './live-connection';

const snapshot = (change: Partial<LiveSnapshot> = {}): LiveSnapshot => ({
  sessionId: '00000000-0000-4000-8000-000000000001',
  seq: 41,
  state: 'live',
  slide: { deckId: null, page: 1, controllerUserId: null },
  settings: { chatEnabled: true, questionsModerated: false, maxFloor: 1 },
  polls: [],
  tallies: [],
  myAnswers: {},
  hands: [],
  floor: [],
  questions: [],
  myVotes: [],
  myQuestions: [],
  chat: [],
  participants: [],
  participantCount: 12,
  myScore: 0,
  ...change,
});

const an: Participant = {
  key: 'm:an',
  role: 'member',
  name: 'Nguyễn Văn An',
  unitId: '00000000-0000-4000-8000-000000000002',
  unitName: 'Chi bộ Thôn 1',
  connections: 1,
  joinedAt: 0,
};

describe('catchUpFrom', () => {
  it('asks for a snapshot on the first join', () => {
    expect(catchUpFrom(null)).toBeNull();
  });

  it('catches up from the last sequence number when the view only shows a head count', () => {
    expect(catchUpFrom(snapshot())).toBe(41);
  });

  it('starts afresh when the view lists people, so those who left while offline are gone', () => {
    expect(catchUpFrom(snapshot({ participants: [an] }))).toBeNull();
  });
});

describe('applyPersonal', () => {
  it('keeps the viewer’s own answer, upvotes (once each) and quiz points', () => {
    let s = applyPersonal(snapshot(), { type: 'answer', pollId: 'p1', answer: ['a'] });
    s = applyPersonal(s, { type: 'vote', questionId: 'q1', voted: true });
    s = applyPersonal(s, { type: 'vote', questionId: 'q1', voted: true });
    s = applyPersonal(s, { type: 'score', score: 2 });
    expect(s).toMatchObject({ myAnswers: { p1: ['a'] }, myVotes: ['q1'], myScore: 2 });
    expect(applyPersonal(s, { type: 'vote', questionId: 'q1', voted: false }).myVotes).toEqual([]);
  });

  it('remembers the questions the viewer asked (on each of their devices), once each', () => {
    let s = applyPersonal(snapshot(), { type: 'asked', questionId: 'q7' });
    s = applyPersonal(s, { type: 'asked', questionId: 'q7' });
    expect(s.myQuestions).toEqual(['q7']);
  });
});

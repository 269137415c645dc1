import { DomainError } from '../domain-error';
import { mayDriveSlides } from './decide';
import { actors, draft, liveRoom } from './live-room.factory';
import { snapshotFor } from './projection';
import { applyFact, ROOM_CAPS } from './room-state';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
};

describe('live room commands', () => {
  it('lets only the controlling presenter or an organiser move the slides', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'slide:go', { deckId: 'deck-1', page: 3 });
    expect(room.slide).toMatchObject({ deckId: 'deck-1', page: 3 });
    expect(codeOf(() => run(actors.an, 'slide:go', { deckId: 'deck-1', page: 4 }))).toBe('FORBIDDEN');
    expect(codeOf(() => run(actors.site, 'slide:go', { deckId: 'deck-1', page: 4 }))).toBe('FORBIDDEN');
    expect(codeOf(() => run(actors.presenter, 'slide:go', { deckId: 'deck-1', page: 13 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => run(actors.presenter, 'slide:go', { deckId: 'nope', page: 1 }))).toBe('NOT_FOUND');
    expect(run(actors.presenter, 'slide:go', { deckId: 'deck-1', page: 3 })).toEqual([]);

    run(actors.presenter, 'slide:handover', { userId: 'pres2' });
    expect(codeOf(() => run(actors.presenter, 'slide:go', { deckId: 'deck-1', page: 5 }))).toBe('FORBIDDEN');
    run(actors.presenter2, 'slide:go', { deckId: 'deck-1', page: 5 });
    run(actors.organiser, 'slide:go', { deckId: 'deck-1', page: 6 });
    expect(room.slide).toEqual({ deckId: 'deck-1', page: 6, controllerUserId: 'pres2' });
    expect(codeOf(() => run(actors.presenter, 'slide:handover', { userId: 'pres' }))).toBe('FORBIDDEN');
    expect(codeOf(() => run(actors.an, 'slide:handover', { userId: 'pres' }))).toBe('FORBIDDEN');
    expect(mayDriveSlides(actors.presenter2, room.slide.controllerUserId)).toBe(true);
    expect(mayDriveSlides(actors.presenter, room.slide.controllerUserId)).toBe(false);
  });

  it('keeps poll management to staff and answering to members', () => {
    const { run } = liveRoom();
    expect(codeOf(() => run(actors.an, 'poll:save', { poll: draft({ kind: 'single' }) }))).toBe('FORBIDDEN');
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    expect(codeOf(() => run(actors.an, 'poll:open', { pollId: 'id1' }))).toBe('FORBIDDEN');
    expect(codeOf(() => run(actors.an, 'poll:close', { pollId: 'id1' }))).toBe('FORBIDDEN');
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    expect(codeOf(() => run(actors.presenter, 'poll:answer', { pollId: 'id1', answer: ['a'] }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => run(actors.site, 'poll:answer', { pollId: 'id1', answer: ['a'] }))).toBe('FORBIDDEN');
    expect(codeOf(() => run(actors.an, 'poll:site-count', { pollId: 'id1', counts: { a: 3 } }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => run(actors.site, 'poll:site-count', { pollId: 'id1', counts: { zz: 3 } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => run(actors.presenter, 'poll:delete', { pollId: 'id1' }))).toBe('INVALID_TRANSITION');
  });

  it('prepares polls before the session but opens them only when live', () => {
    const { room, run } = liveRoom('scheduled');
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    expect(room.polls.get('id1')!.status).toBe('draft');
    expect(codeOf(() => run(actors.presenter, 'poll:open', { pollId: 'id1' }))).toBe('INVALID_TRANSITION');
    run(actors.presenter, 'poll:save', {
      pollId: 'id1',
      poll: draft({ kind: 'single', question: 'Sửa câu hỏi' }),
    });
    expect(room.polls.get('id1')!.question).toBe('Sửa câu hỏi');
    expect(codeOf(() => run(actors.an, 'hand:raise', {}))).toBe('INVALID_TRANSITION');
  });

  it('queues hands in order, lets people lower their own, and moves a hand to the floor', () => {
    const { room, run } = liveRoom();
    run(actors.an, 'hand:raise', { topic: 'Về chỉ tiêu kết nạp đảng viên' });
    run(actors.site, 'hand:raise', {});
    run(actors.binh, 'hand:raise', {});
    run(actors.an, 'hand:raise', { topic: 'Về chỉ tiêu kết nạp' });
    expect(room.hands.map((h) => h.key)).toEqual(['m:an', 's:room1', 'm:binh']);
    expect(room.hands[0]).toMatchObject({ topic: 'Về chỉ tiêu kết nạp', raisedAt: 1_001_000 });
    expect(codeOf(() => run(actors.an, 'hand:lower', { key: 'm:binh' }))).toBe('FORBIDDEN');
    run(actors.binh, 'hand:lower', {});
    expect(codeOf(() => run(actors.presenter, 'hand:raise', {}))).toBe('FORBIDDEN');

    run(actors.presenter, 'floor:grant', { key: 's:room1', withCamera: true });
    expect(room.floor).toEqual([
      expect.objectContaining({ key: 's:room1', withCamera: true, since: 1_008_000 }),
    ]);
    expect(room.hands.map((h) => h.key)).toEqual(['m:an']);
    expect(codeOf(() => run(actors.presenter, 'floor:grant', { key: 'm:an', withCamera: false }))).toBe(
      'CONFLICT',
    );
    run(actors.organiser, 'settings:update', { settings: { maxFloor: 2 } });
    run(actors.presenter, 'floor:grant', { key: 'm:an', withCamera: false });
    expect(room.floor.map((f) => f.key)).toEqual(['s:room1', 'm:an']);
    expect(codeOf(() => run(actors.an, 'floor:revoke', { key: 's:room1' }))).toBe('FORBIDDEN');
    run(actors.presenter, 'floor:revoke', { key: 's:room1' });
    expect(room.floor.map((f) => f.key)).toEqual(['m:an']);
    expect(run(actors.an, 'hand:raise', {})).toEqual([]);
  });

  it('orders questions by votes, hides pending and hidden ones from participants, keeps anonymity', () => {
    const { room, run } = liveRoom();
    run(actors.an, 'question:ask', { text: 'Câu hỏi thứ nhất', anonymous: true });
    run(actors.binh, 'question:ask', { text: 'Câu hỏi thứ hai', anonymous: false });
    run(actors.an, 'question:vote', { questionId: 'id2', vote: true });
    run(actors.site, 'question:vote', { questionId: 'id2', vote: true });
    run(actors.site, 'question:vote', { questionId: 'id2', vote: true });
    const publicView = snapshotFor(room, { key: 'm:binh', audience: 'public' });
    expect(publicView.questions.map((q) => [q.text, q.votes, q.authorName])).toEqual([
      ['Câu hỏi thứ hai', 2, 'Phạm Thị Bình'],
      ['Câu hỏi thứ nhất', 0, null],
    ]);
    expect(room.questions.get('id1')!.authorKey).toBe('m:an');

    run(actors.organiser, 'settings:update', { settings: { questionsModerated: true } });
    run(actors.binh, 'question:ask', { text: 'Chờ duyệt', anonymous: false });
    run(actors.presenter, 'question:moderate', { questionId: 'id1', status: 'hidden' });
    expect(snapshotFor(room, { key: 'm:an', audience: 'public' }).questions.map((q) => q.text)).toEqual([
      'Câu hỏi thứ hai',
    ]);
    expect(snapshotFor(room, { key: 'u:pres', audience: 'staff' }).questions).toHaveLength(3);
    expect(codeOf(() => run(actors.an, 'question:vote', { questionId: 'id3', vote: true }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(() => run(actors.an, 'question:moderate', { questionId: 'id3', status: 'approved' }))).toBe(
      'FORBIDDEN',
    );
    expect(snapshotFor(room, { key: 'm:an', audience: 'public' }).myVotes).toEqual(['id2']);
  });

  it('refuses an upvote of one’s own question, anonymous or not, and tells the author which are theirs', () => {
    const { room, run } = liveRoom();
    run(actors.an, 'question:ask', { text: 'Câu hỏi của tôi', anonymous: true });
    run(actors.binh, 'question:ask', { text: 'Câu hỏi của Bình', anonymous: false });
    expect(codeOf(() => run(actors.an, 'question:vote', { questionId: 'id1', vote: true }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => run(actors.binh, 'question:vote', { questionId: 'id2', vote: true }))).toBe(
      'FORBIDDEN',
    );
    expect(run(actors.binh, 'question:vote', { questionId: 'id1', vote: true })).toHaveLength(1);
    expect(room.questions.get('id1')).toMatchObject({ authorKey: 'm:an' });
    expect(snapshotFor(room, { key: 'm:an', audience: 'public' }).myQuestions).toEqual(['id1']);
    expect(snapshotFor(room, { key: 'm:binh', audience: 'public' }).myQuestions).toEqual(['id2']);
    expect(snapshotFor(room, { key: 'm:binh', audience: 'public' }).questions[0]).toMatchObject({ votes: 1 });
  });

  it('lets organisers turn the chat off and remove messages', () => {
    const { room, run } = liveRoom();
    run(actors.an, 'chat:send', { text: 'Xin chào hội nghị' });
    run(actors.binh, 'chat:send', { text: 'Nội dung không phù hợp' });
    run(actors.organiser, 'chat:remove', { messageId: 'id2' });
    expect(snapshotFor(room, { key: 'm:an', audience: 'public' }).chat.map((m) => m.text)).toEqual([
      'Xin chào hội nghị',
    ]);
    expect(snapshotFor(room, { key: 'u:org', audience: 'staff' }).chat.map((m) => m.hidden)).toEqual([
      false,
      true,
    ]);
    run(actors.organiser, 'settings:update', { settings: { chatEnabled: false } });
    expect(codeOf(() => run(actors.an, 'chat:send', { text: 'x' }))).toBe('FORBIDDEN');
    run(actors.presenter, 'chat:send', { text: 'Chỉ ban tổ chức được nhắn' });
  });

  it('hides drafts and quiz answers from participants until revealed', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'quiz', correctOptionIds: ['b'] }) });
    expect(snapshotFor(room, { key: 'm:an', audience: 'public' }).polls).toEqual([]);
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    const open = snapshotFor(room, { key: 'm:an', audience: 'public' });
    expect(open.polls[0]!.correctOptionIds).toBeNull();
    expect(open.tallies).toEqual([]);
    expect(snapshotFor(room, { key: 'u:pres', audience: 'staff' }).tallies).toHaveLength(1);
    run(actors.presenter, 'poll:results', { pollId: 'id1', visible: true });
    const shown = snapshotFor(room, { key: 'm:an', audience: 'public' });
    expect(shown.polls[0]!.correctOptionIds).toEqual(['b']);
    expect(shown.tallies).toHaveLength(1);
  });

  it('clears hands and the floor and closes polls when the session ends', () => {
    const { room, run } = liveRoom();
    run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    run(actors.presenter, 'poll:open', { pollId: 'id1' });
    run(actors.an, 'hand:raise', {});
    run(actors.presenter, 'floor:grant', { key: 'm:an', withCamera: false });
    run(actors.binh, 'hand:raise', {});
    // The session's own transitions come from the REST state machine, recorded as a fact.
    applyFact(room, {
      seq: room.seq + 1,
      at: 2_000_000,
      actorKey: 'u:org',
      fact: { type: 'session.state', state: 'ended' },
    });
    expect(room.hands).toEqual([]);
    expect(room.floor).toEqual([]);
    expect(room.polls.get('id1')!.status).toBe('closed');
  });

  it('caps what one person adds to the room, so a flood cannot swell every snapshot', () => {
    const { room, run } = liveRoom();
    const conflict = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof DomainError ? `${e.code}:${String(e.params.reason)}` : String(e);
      }
      return undefined;
    };
    const long = 'Câu hỏi rất dài về nghị quyết '.repeat(33).slice(0, 1000);
    for (let i = 0; i < ROOM_CAPS.questionsPerPerson; i++)
      run(actors.an, 'question:ask', { text: long, anonymous: false });
    expect(conflict(() => run(actors.an, 'question:ask', { text: 'Một câu nữa?', anonymous: false }))).toBe(
      'CONFLICT:questions_per_person',
    );
    // Hiding a question does not give its author room for another.
    run(actors.presenter, 'question:moderate', { questionId: 'id1', status: 'hidden' });
    expect(conflict(() => run(actors.an, 'question:ask', { text: 'Một câu nữa?', anonymous: false }))).toBe(
      'CONFLICT:questions_per_person',
    );
    // Others still ask.
    run(actors.binh, 'question:ask', { text: 'Câu hỏi của Bình?', anonymous: false });

    // One person's chat flood pushes out their own older messages, not everyone else's.
    run(actors.binh, 'chat:send', { text: 'Bình chào cả hội nghị' });
    for (let i = 0; i < 2000; i++) run(actors.an, 'chat:send', { text: `${i} ${long}` });
    const kept = room.chat.filter((m) => m.authorKey === 'm:an');
    expect(kept).toHaveLength(ROOM_CAPS.chatKeptPerPerson);
    expect(kept.at(-1)!.text.startsWith('1999 ')).toBe(true);
    expect(room.chat.some((m) => m.text === 'Bình chào cả hội nghị')).toBe(true);

    const bytes = (audience: 'public' | 'staff') =>
      Buffer.byteLength(JSON.stringify(snapshotFor(room, { key: 'm:binh', audience })));
    expect(bytes('staff')).toBeLessThan(100_000);
    expect(bytes('public')).toBeLessThan(100_000);
  });

  it('caps the questions and polls of a whole room', () => {
    const { room, run } = liveRoom();
    for (let i = 0; i < ROOM_CAPS.pollsPerRoom; i++)
      run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) });
    expect(room.polls.size).toBe(ROOM_CAPS.pollsPerRoom);
    expect(codeOf(() => run(actors.presenter, 'poll:save', { poll: draft({ kind: 'single' }) }))).toBe(
      'CONFLICT',
    );
    // Editing a draft is not adding one.
    run(actors.presenter, 'poll:save', { pollId: 'id1', poll: draft({ kind: 'multiple' }) });

    for (let i = 0; room.questions.size < ROOM_CAPS.questionsPerRoom; i++)
      run({ ...actors.an, key: `m:member-${Math.floor(i / ROOM_CAPS.questionsPerPerson)}` }, 'question:ask', {
        text: `Câu hỏi ${i}?`,
        anonymous: false,
      });
    expect(codeOf(() => run(actors.binh, 'question:ask', { text: 'Còn chỗ không?', anonymous: false }))).toBe(
      'CONFLICT',
    );
  });
});

import { LiveCommands, LiveSnapshot } from '@hallbridge/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mutatedFrom } from '../support/fuzz';
import { LiveTestClient } from '../support/live-client';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { matrixWorld, recipes, type World } from './authorization-matrix.requests';

/**
 * Property-based fuzzing (fast-check) of every REST body and every socket payload, random and
 * mutated from the valid examples the authorisation matrix sends: never a 5xx or an INTERNAL
 * acknowledgement, the socket stays open, the process keeps serving, and a room's snapshot still
 * parses against the contract. Runs are bounded (RUNS per endpoint and event); a failure prints
 * the seed and the shrunk input to replay.
 */
const RUNS = Number(process.env.HB_FUZZ_RUNS ?? 12);
const [kind] = databases;

describe(`fuzzing the edges on ${kind}`, () => {
  let app: TestApp;
  let w: World;
  let address = 0;

  beforeAll(async () => {
    app = await startTestApp(kind!, { TRUST_PROXY: 'loopback' });
    w = await matrixWorld(app);
  }, 5 * 60_000);
  afterAll(() => app?.close());

  const healthy = async () => expect((await fetch(`${app.url}/api/health/live`)).status).toBe(200);

  it('answers every mutated REST body with a 2xx or a 4xx, never a 5xx', async () => {
    const doc = await (await fetch(`${app.url}/api/docs-json`)).json();
    const how = recipes(app);
    const failures: string[] = [];
    for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        const json = op.requestBody?.content?.['application/json'];
        if (!json) continue;
        const key = `${method.toUpperCase()} ${template}`;
        // The organiser reaches furthest past the permission checks; the example is made once.
        const example = await how[key]!(w, 'organiser');
        let path = template;
        for (const [k, v] of Object.entries(example.params ?? {}))
          path = path.replace(`{${k}}`, encodeURIComponent(v));
        const url = `${app.url}${path}${example.query ? `?${example.query}` : ''}`;
        await fc
          .assert(
            fc.asyncProperty(mutatedFrom(example.body ?? {}), async (body) => {
              address++;
              const res = await fetch(url, {
                method: method.toUpperCase(),
                headers: {
                  Authorization: `Bearer ${w.tokens.organiser}`,
                  'Content-Type': 'application/json',
                  'X-Forwarded-For': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
                },
                body: JSON.stringify(body) ?? 'null',
              });
              const text = await res.text();
              // No media server in this run: the media endpoints say so (503 MEDIA_DISABLED), by design.
              const bad = res.status >= 500 && !(res.status === 503 && text.includes('"MEDIA_DISABLED"'));
              if (bad)
                failures.push(
                  `${key} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${text.slice(0, 200)}`,
                );
              return !bad;
            }),
            {
              numRuns: RUNS,
              seed: Number(process.env.HB_FUZZ_SEED ?? Date.now() % 2 ** 31),
              endOnFailure: true,
            },
          )
          .catch((e: Error) => failures.push(`${key}: ${e.message.split('\n').slice(0, 4).join(' ')}`));
      }
    }
    expect(failures).toEqual([]);
    await healthy();
  });

  it('answers every mutated socket payload with an acknowledgement, never INTERNAL, and the room stays whole', async () => {
    const host = new LiveTestClient(app.url, w.tokens.organiser!);
    expect((await host.join(w.live)).ok).toBe(true);
    const an = new LiveTestClient(app.url, w.tokens.member!);
    expect((await an.join(w.live)).ok).toBe(true);
    // Valid examples with real targets: a draft poll, an open poll, a question, a chat message.
    const pollDraft = {
      question: 'Mức độ hài lòng?',
      kind: 'single',
      options: [
        { id: 'a', label: 'Có' },
        { id: 'b', label: 'Không' },
      ],
    };
    await host.send('poll:save', { poll: pollDraft });
    const draftId = host.snapshot!.polls.at(-1)!.id;
    await host.send('poll:save', { poll: pollDraft });
    const openId = host.snapshot!.polls.at(-1)!.id;
    await host.send('poll:open', { pollId: openId });
    await an.send('question:ask', { text: 'Câu hỏi mẫu' });
    const question = await host.until((s) => s.questions.length > 0);
    await host.send('chat:send', { text: 'Tin nhắn mẫu' });
    const common = { commandId: randomUUID(), sessionId: w.live };
    const examples: Record<string, Record<string, unknown>> = {
      'room:join': { sessionId: w.live, lastSeq: 0 },
      'slide:go': { ...common, deckId: w.deckId, page: 1 },
      'slide:handover': { ...common, userId: w.org.users.presenter.id },
      'poll:save': { ...common, poll: pollDraft },
      'poll:delete': { ...common, pollId: draftId },
      'poll:open': { ...common, pollId: draftId },
      'poll:close': { ...common, pollId: openId },
      'poll:results': { ...common, pollId: openId, visible: true },
      'poll:answer': { ...common, pollId: openId, answer: ['a'] },
      'poll:site-count': { ...common, pollId: openId, counts: { a: 1 } },
      'hand:raise': { ...common, topic: 'Xin phát biểu' },
      'hand:lower': { ...common, key: `m:${w.members.an.id}` },
      'floor:grant': { ...common, key: `m:${w.members.an.id}`, withCamera: false },
      'floor:revoke': { ...common, key: `m:${w.members.an.id}` },
      'question:ask': { ...common, text: 'Khi nào?', anonymous: false },
      'question:vote': { ...common, questionId: question.questions[0]!.id, vote: true },
      'question:moderate': { ...common, questionId: question.questions[0]!.id, status: 'approved' },
      'chat:send': { ...common, text: 'Xin chào' },
      'chat:remove': { ...common, messageId: host.snapshot!.chat.at(-1)!.id },
      'settings:update': { ...common, settings: { chatEnabled: true } },
      'slide:pointer': { sessionId: w.live, pointer: { x: 0.5, y: 0.5 } },
    };
    expect(Object.keys(examples).sort()).toEqual([...Object.keys(LiveCommands), 'slide:pointer'].sort());

    const failures: string[] = [];
    for (const [event, example] of Object.entries(examples)) {
      // Members' commands from An, staff commands from the organiser, so both checks are passed.
      const client = ['poll:answer', 'hand:raise', 'question:ask', 'question:vote'].includes(event)
        ? an
        : host;
      await fc
        .assert(
          fc.asyncProperty(mutatedFrom(example), async (payload) => {
            if (event === 'slide:pointer') {
              client.socket.emit('slide:pointer', payload as never);
              return true;
            }
            // Some payloads are meant as retries: a fresh command id keeps them from being answered from memory.
            let ack = await client.raw(event, payload);
            for (let i = 0; !ack.ok && ack.code === 'RATE_LIMITED' && i < 50; i++) {
              await new Promise((r) => setTimeout(r, 100));
              ack = await client.raw(event, payload);
            }
            if (
              !ack ||
              typeof ack.ok !== 'boolean' ||
              (!ack.ok && ack.code === 'INTERNAL') ||
              !client.socket.connected
            ) {
              failures.push(
                `${event} ${JSON.stringify(payload)?.slice(0, 300)} → ${JSON.stringify(ack)?.slice(0, 200)}`,
              );
              return false;
            }
            return true;
          }),
          {
            numRuns: RUNS,
            seed: Number(process.env.HB_FUZZ_SEED ?? Date.now() % 2 ** 31),
            endOnFailure: true,
          },
        )
        .catch((e: Error) => failures.push(`${event}: ${e.message.split('\n').slice(0, 4).join(' ')}`));
      // A room:join fuzzed into another session leaves the host outside: back in for the next event.
      if (event === 'room:join') {
        await host.join(w.live);
        await an.join(w.live);
      }
    }
    expect(failures).toEqual([]);

    // The room is still whole: a newcomer's snapshot parses against the contract, as do the old hands'.
    const newcomer = new LiveTestClient(app.url, w.tokens.presenter!);
    const joined = await newcomer.join(w.live);
    expect(joined.ok).toBe(true);
    for (const snapshot of [newcomer.snapshot, host.snapshot, an.snapshot]) {
      const parsed = LiveSnapshot.safeParse(snapshot);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    }
    for (const c of [newcomer, host, an]) c.close();
    await healthy();
  });
});

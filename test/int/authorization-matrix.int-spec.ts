import { type LiveAck, LiveCommands, type LiveSnapshot } from '@hallbridge/contracts';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { freePort } from '../support/free-port';
import { LiveTestClient } from '../support/live-client';
import { startLiveKit, type LiveKitServer } from '../support/livekit-server';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { matrixWorld, recipes, type CellRequest, type World } from './authorization-matrix.requests';
import { formatTable, parseTable, REST, ROLES, SOCKET, type Role } from './authorization-matrix.table';

/**
 * Issue 11's authorisation matrix: every endpoint of the running app's OpenAPI document and every
 * client→server event of the socket contract, called by every role, against the reviewed table.
 * HB_MATRIX_RECORD=<file> writes what was observed as a table, for a reviewer to compare.
 */
const [kind] = databases;

describe(`authorisation matrix on ${kind}`, () => {
  let app: TestApp;
  let livekit: LiveKitServer;
  let w: World;
  let address = 0;

  beforeAll(async () => {
    // A real media server, so the media endpoints answer as they do in production.
    const port = await freePort();
    livekit = await startLiveKit({ webhookUrl: `http://127.0.0.1:${port}/api/media/webhook` });
    // Each call comes from its own address, so the per-address limits of REST are not what is tested.
    app = await startTestApp(kind!, { PORT: String(port), TRUST_PROXY: 'loopback', ...livekit.env });
    w = await matrixWorld(app);
  }, 5 * 60_000);
  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  const record = (name: string, rows: Map<string, Record<Role, string>>, title: string) => {
    const file = process.env.HB_MATRIX_RECORD;
    if (file) writeFileSync(`${file}.${name}`, formatTable(rows, title) + '\n');
  };

  const send = async (method: string, template: string, token: string | null, req: CellRequest) => {
    let path = template;
    for (const [k, v] of Object.entries(req.params ?? {}))
      path = path.replace(`{${k}}`, encodeURIComponent(v));
    if (/\{\w+\}/.test(path)) throw new Error(`${method} ${template}: no value for ${path}`);
    if (req.query) path += `?${req.query}`;
    address++;
    const headers: Record<string, string> = {
      'X-Forwarded-For': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: RequestInit['body'];
    if (req.file) {
      const form = new FormData();
      const data = typeof req.file.data === 'string' ? Buffer.from(req.file.data) : req.file.data;
      form.append('file', new Blob([new Uint8Array(data)]), req.file.name);
      body = form;
    } else if (req.body !== undefined || ['POST', 'PUT', 'PATCH'].includes(method)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.body ?? {});
    }
    const res = await fetch(`${app.url}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, text };
  };

  // Some 1,100 calls, most with fresh things to act on.
  const long = 15 * 60_000;

  it(
    'gives every role of every REST endpoint the outcome the table says',
    async () => {
      const doc = await (await fetch(`${app.url}/api/docs-json`)).json();
      const expected = parseTable(REST, 2);
      const how = recipes(app);
      const operations: string[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>))
        for (const method of Object.keys(item)) operations.push(`${method.toUpperCase()} ${path}`);
      // A new endpoint must get a row (and a way to call it).
      const coverage = {
        withoutRow: operations.filter((o) => !expected.has(o)),
        withoutRecipe: operations.filter((o) => !how[o]),
        rowsOfNoEndpoint: [...expected.keys()].filter((k) => !operations.includes(k)),
      };
      expect(coverage.withoutRecipe).toEqual([]);

      const observed = new Map<string, Record<Role, string>>();
      const wrong: string[] = [];
      for (const op of operations) {
        const [method, path] = op.split(' ') as [string, string];
        const row = {} as Record<Role, string>;
        for (const role of ROLES) {
          const req = await how[op]!(w, role);
          const res = await send(method, path, req.token ?? w.tokens[role], req);
          const outcome = res.status >= 200 && res.status < 300 ? '2xx' : String(res.status);
          row[role] = outcome;
          // 503 is a refusal the table can name (a service it needs is down); any other 5xx is a defect.
          if (res.status >= 500 && res.status !== 503)
            wrong.push(`${op} as ${role}: ${res.status} ${res.text.slice(0, 300)}`);
          else if (expected.has(op) && outcome !== expected.get(op)![role])
            wrong.push(
              `${op} as ${role}: ${outcome}, table says ${expected.get(op)![role]} (${res.text.slice(0, 160)})`,
            );
        }
        observed.set(op, row);
      }
      record('rest', observed, 'endpoint');
      expect({ ...coverage, wrong }).toEqual({
        withoutRow: [],
        withoutRecipe: [],
        rowsOfNoEndpoint: [],
        wrong: [],
      });
    },
    long,
  );

  it(
    'gives every role of every socket event the outcome the table says',
    async () => {
      const expected = parseTable(SOCKET, 1);
      const events = [...Object.keys(LiveCommands), 'slide:pointer'];
      const coverage = {
        withoutRow: events.filter((e) => !expected.has(e)),
        rowsOfNoEvent: [...expected.keys()].filter((k) => !events.includes(k)),
      };

      // The organiser's own client sets the stage for each cell (a poll to open, a question to vote on).
      const host = new LiveTestClient(app.url, w.tokens.organiser!);
      expect((await host.join(w.live)).ok).toBe(true);
      const watcher = new LiveTestClient(app.url, w.tokens.presenter!);
      expect((await watcher.join(w.live)).ok).toBe(true);
      // An is in the room throughout, so the floor can be given to him.
      const an = new LiveTestClient(app.url, w.tokens.member!);
      expect((await an.join(w.live)).ok).toBe(true);
      // Bình asks the questions others vote on (nobody votes on their own).
      const binh = new LiveTestClient(app.url, w.binhToken);
      expect((await binh.join(w.live)).ok).toBe(true);
      const pointers: unknown[] = [];
      watcher.socket.on('live:pointer', (p) => pointers.push(p));
      const keys = {
        member: `m:${w.members.an.id}`,
        presenter: `u:${w.org.users.presenter.id}`,
      };
      const ok = async (ack: Promise<LiveAck>) => {
        const a = await ack;
        if (!a.ok) throw new Error(`set-up failed: ${JSON.stringify(a)}`);
        return a;
      };
      const newest = <T>(list: (s: LiveSnapshot) => T[]) => list(host.snapshot!).at(-1)!;
      const poll = async (state: 'draft' | 'open' | 'closed') => {
        await ok(
          host.sendPatiently('poll:save', {
            poll: {
              question: `Câu hỏi ${randomUUID().slice(0, 6)}`,
              kind: 'single',
              options: [
                { id: 'a', label: 'Đồng ý' },
                { id: 'b', label: 'Không' },
              ],
            },
          }),
        );
        const id = newest((s) => s.polls).id;
        if (state !== 'draft') await ok(host.sendPatiently('poll:open', { pollId: id }));
        if (state === 'closed') await ok(host.sendPatiently('poll:close', { pollId: id }));
        return id;
      };
      const question = async () => {
        const text = `Xin hỏi ${randomUUID().slice(0, 6)}`;
        await ok(binh.sendPatiently('question:ask', { text }));
        return (await host.until((s) => s.questions.some((q) => q.text === text))).questions.find(
          (q) => q.text === text,
        )!.id;
      };
      const chat = async () => {
        await ok(host.sendPatiently('chat:send', { text: 'Chào mọi người' }));
        return newest((s) => s.chat).id;
      };
      const payloads: Record<string, (role: Role) => Promise<Record<string, unknown>>> = {
        'room:join': async () => ({}),
        'slide:go': async () => ({ deckId: w.deckId, page: 1 }),
        'slide:handover': async () => ({ userId: w.org.users.presenter.id }),
        'poll:save': async () => ({
          poll: {
            question: 'Mức độ hài lòng?',
            kind: 'single',
            options: [
              { id: 'a', label: 'Có' },
              { id: 'b', label: 'Không' },
            ],
          },
        }),
        'poll:delete': async () => ({ pollId: await poll('draft') }),
        'poll:open': async () => ({ pollId: await poll('draft') }),
        'poll:close': async () => ({ pollId: await poll('open') }),
        'poll:results': async () => ({ pollId: await poll('closed'), visible: true }),
        'poll:answer': async () => ({ pollId: await poll('open'), answer: ['a'] }),
        'poll:site-count': async () => ({ pollId: await poll('open'), counts: { a: 3, b: 1 } }),
        'hand:raise': async () => ({ topic: null }),
        'hand:lower': async () => ({}),
        'floor:grant': async () => ({ key: keys.member }),
        'floor:revoke': async () => {
          await ok(host.sendPatiently('floor:grant', { key: keys.member }));
          return { key: keys.member };
        },
        'question:ask': async () => ({ text: 'Khi nào triển khai?' }),
        'question:vote': async () => ({ questionId: await question(), vote: true }),
        'question:moderate': async () => ({ questionId: await question(), status: 'answered' }),
        'chat:send': async () => ({ text: 'Xin chào' }),
        'chat:remove': async () => ({ messageId: await chat() }),
        'settings:update': async () => ({ settings: { chatEnabled: true } }),
      };

      const observed = new Map<string, Record<Role, string>>();
      const wrong: string[] = [];
      for (const event of events) {
        const row = {} as Record<Role, string>;
        for (const role of ROLES) {
          const token = w.tokens[role];
          const client = new LiveTestClient(app.url, token ?? '');
          let outcome: string;
          try {
            const connected = await client.connected().then(
              () => true,
              () => false,
            );
            if (!connected) outcome = 'refused';
            else {
              const joined = await client.join(w.live);
              if (event === 'room:join') outcome = joined.ok ? 'ok' : joined.code;
              else if (event === 'slide:pointer') {
                const before = pointers.length;
                client.socket.emit('slide:pointer', { sessionId: w.live, pointer: { x: 0.5, y: 0.5 } });
                // An acknowledged round trip on the same socket: the pointer has been handled by then.
                await client.send('hand:lower', {});
                await ok(host.sendPatiently('chat:send', { text: 'mốc' }));
                await watcher.until((s) => s.chat.length === host.snapshot!.chat.length);
                outcome = pointers.length > before ? 'ok' : 'ignored';
              } else {
                const payload = await payloads[event]!(role);
                const ack = await client.sendPatiently(event as never, payload);
                outcome = ack.ok ? 'ok' : ack.code;
              }
            }
          } finally {
            client.close();
          }
          row[role] = outcome;
          if (outcome === 'INTERNAL') wrong.push(`${event} as ${role}: INTERNAL`);
          else if (expected.has(event) && outcome !== expected.get(event)![role])
            wrong.push(`${event} as ${role}: ${outcome}, table says ${expected.get(event)![role]}`);
        }
        observed.set(event, row);
      }
      host.close();
      watcher.close();
      an.close();
      binh.close();
      record('socket', observed, 'event');
      expect({ ...coverage, wrong }).toEqual({ withoutRow: [], rowsOfNoEvent: [], wrong: [] });
    },
    long,
  );
});

import type { Reflection } from '@hallbridge/contracts';
import { LocalDraftStore, type DraftStorage } from './local-draft';
import { ReflectionSync, SyncError, type SyncStatus } from './reflection-sync';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** A server that keeps one reflection and checks versions as the API does. */
class FakeServer {
  version = 0;
  body = '';
  online = true;
  saves = 0;
  async save(body: string, baseVersion: number): Promise<Reflection> {
    if (!this.online) throw new SyncError('offline');
    if (baseVersion !== this.version) throw new SyncError('stale');
    this.saves++;
    this.body = body;
    this.version++;
    return { version: this.version, body, updatedAt: new Date().toISOString() } as Reflection;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 30));
const made: ReflectionSync[] = [];
afterEach(() => made.splice(0).forEach((s) => s.dispose()));

function setup(server: FakeServer, storage = new MemoryStorage()) {
  const store = new LocalDraftStore('k', storage);
  const shown: string[] = [];
  const statuses: SyncStatus['kind'][] = [];
  const sync = new ReflectionSync(
    { version: server.version, body: server.body },
    store,
    { save: (b, v) => server.save(b, v) },
    (r) => shown.push(r.body),
    async () => ({ version: server.version, body: server.body }),
    { debounceMs: 5, retryMs: 10 },
  );
  sync.subscribe((s) => statuses.push(s.kind));
  made.push(sync);
  return { sync, store, storage, shown, statuses };
}

describe('reflection autosave', () => {
  it('keeps every change locally at once and on the server after a pause', async () => {
    const server = new FakeServer();
    const { sync, store } = setup(server);
    sync.start();
    sync.change('<p>Tôi</p>');
    expect(store.read()).toMatchObject({ body: '<p>Tôi</p>', baseVersion: 0 });
    sync.change('<p>Tôi sẽ</p>');
    await settle();
    expect(server).toMatchObject({ body: '<p>Tôi sẽ</p>', version: 1, saves: 1 });
    expect(store.read()).toBeNull();
  });

  it('keeps text typed offline here, and sends it when the connection is back', async () => {
    const server = new FakeServer();
    const { sync, store, statuses } = setup(server);
    sync.start();
    server.online = false;
    sync.change('<p>giữa câu</p>');
    await settle();
    expect(statuses).toContain('local');
    expect(store.read()?.body).toBe('<p>giữa câu</p>');
    server.online = true;
    sync.online();
    await settle();
    expect(server.body).toBe('<p>giữa câu</p>');
    expect(store.read()).toBeNull();
  });

  it('restores a local copy after the tab was closed, when it was written on the server version', async () => {
    const server = Object.assign(new FakeServer(), { version: 3, body: '<p>a</p>' });
    const storage = new MemoryStorage();
    new LocalDraftStore('k', storage).write('<p>a b</p>', 3);
    const { sync } = setup(server, storage);
    expect(sync.start()).toEqual({ body: '<p>a b</p>', restored: true, serverNewer: false });
    await settle();
    expect(server).toMatchObject({ body: '<p>a b</p>', version: 4 });
  });

  it('never lets an old local copy overwrite newer text saved elsewhere', async () => {
    const server = Object.assign(new FakeServer(), { version: 5, body: '<p>mới</p>' });
    const storage = new MemoryStorage();
    new LocalDraftStore('k', storage).write('<p>cũ</p>', 4);
    const { sync, store } = setup(server, storage);
    expect(sync.start()).toEqual({ body: '<p>mới</p>', restored: false, serverNewer: true });
    expect(store.read()).toBeNull();
    expect(server.saves).toBe(0);
  });

  it('takes the server text when another device saved meanwhile', async () => {
    const server = Object.assign(new FakeServer(), { version: 1, body: '<p>x</p>' });
    const { sync, shown, statuses } = setup(server);
    sync.start();
    Object.assign(server, { version: 2, body: '<p>từ điện thoại</p>' });
    sync.change('<p>từ máy tính</p>');
    await settle();
    expect(shown).toEqual(['<p>từ điện thoại</p>']);
    expect(statuses.at(-1)).toBe('conflict');
    expect(sync.current).toEqual({ body: '<p>từ điện thoại</p>', version: 2 });
  });

  it('flushes pending text before a submit and reports the version it was saved as', async () => {
    const server = new FakeServer();
    const { sync } = setup(server);
    sync.start();
    sync.change('<p>nộp</p>');
    expect(await sync.flush()).toBe(1);
    server.online = false;
    sync.change('<p>nộp lại</p>');
    await expect(sync.flush()).rejects.toBeInstanceOf(SyncError);
  });
});

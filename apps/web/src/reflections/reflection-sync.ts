import type { Reflection } from '@hallbridge/contracts';
import { reconcileLocalDraft } from '@hallbridge/domain';
import type { LocalDraftStore } from './local-draft';

/** How the text stands: being sent, safe on the server, kept only here, or refused. */
export type SyncStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'local' }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

export interface SyncTransport {
  save(body: string, baseVersion: number): Promise<Reflection>;
}

/** Thrown by the transport: `offline` for no connection, `stale` when the server has a newer version. */
export class SyncError extends Error {
  constructor(
    readonly kind: 'offline' | 'stale' | 'refused',
    override readonly cause?: unknown,
  ) {
    super(kind);
  }
}

export interface SyncOptions {
  /** Quiet time after the last keystroke before the text is sent. */
  debounceMs?: number;
  /** Wait before trying again while offline. */
  retryMs?: number;
}

/**
 * Autosave for one reflection, framework-free: every change goes to the local store at once and to
 * the server after a pause; while offline it keeps trying (and at once when the browser says it is
 * back). On a stale version the server's text wins and `onServerNewer` hands it to the editor.
 */
export class ReflectionSync {
  private version: number;
  private body: string;
  private sentBody: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private status: SyncStatus = { kind: 'idle' };
  private disposed = false;
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly debounceMs: number;
  private readonly retryMs: number;

  constructor(
    server: { version: number; body: string },
    private readonly store: LocalDraftStore,
    private readonly transport: SyncTransport,
    private readonly onServerNewer: (reflection: { body: string; version: number }) => void,
    private readonly reload: () => Promise<{ version: number; body: string }>,
    options: SyncOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 1000;
    this.retryMs = options.retryMs ?? 5000;
    this.version = server.version;
    this.body = server.body;
    this.sentBody = server.body;
  }

  /**
   * The text to show when the page opens: the local copy when it was written on the server's
   * current version (and then it is sent), else the server's.
   */
  start(): { body: string; restored: boolean; serverNewer: boolean } {
    const local = this.store.read();
    const action = reconcileLocalDraft(local, { version: this.version, body: this.body });
    if (action === 'keep_and_send' && local) {
      this.body = local.body;
      this.schedule(0);
      return { body: local.body, restored: true, serverNewer: false };
    }
    this.store.clear();
    return { body: this.body, restored: false, serverNewer: action === 'server_is_newer' };
  }

  get current(): { body: string; version: number } {
    return { body: this.body, version: this.version };
  }

  /** The editor changed: keep it here now, send it soon. */
  change(body: string): void {
    if (body === this.body) return;
    this.body = body;
    this.store.write(body, this.version);
    this.schedule(this.debounceMs);
  }

  /** Sends whatever is pending now and resolves when the server has it (or throws why not). */
  async flush(): Promise<number> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight) await this.inFlight;
    if (this.body !== this.sentBody || this.status.kind === 'local') await this.send(true);
    return this.version;
  }

  /** The browser is back online. */
  online(): void {
    if (this.status.kind === 'local') this.schedule(0);
  }

  /** After a submit or an attachment, the server's version is the one to write on. */
  adopt(reflection: { version: number }): void {
    this.version = reflection.version;
    if (this.body === this.sentBody) this.store.clear();
    else this.store.write(this.body, this.version);
  }

  /** A subscribed sync is alive: it retries while offline until disposed. */
  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.disposed = false;
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send(false).catch(() => undefined);
    }, ms);
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    this.listeners.forEach((l) => l(status));
  }

  private send(rethrow: boolean): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const body = this.body;
    const base = this.version;
    this.setStatus({ kind: 'saving' });
    const work = (async () => {
      try {
        const saved = await this.transport.save(body, base);
        this.version = saved.version;
        this.sentBody = body;
        if (this.body === body) this.store.clear();
        else {
          this.store.write(this.body, this.version);
          this.schedule(this.debounceMs);
        }
        this.setStatus({ kind: 'saved', at: saved.updatedAt });
      } catch (e) {
        if (e instanceof SyncError && e.kind === 'offline') {
          this.setStatus({ kind: 'local' });
          this.schedule(this.retryMs);
        } else if (e instanceof SyncError && e.kind === 'stale') {
          // Newer text was saved elsewhere: it wins, and this copy is dropped.
          const server = await this.reload();
          this.version = server.version;
          this.body = server.body;
          this.sentBody = server.body;
          this.store.clear();
          this.onServerNewer(server);
          this.setStatus({ kind: 'conflict' });
        } else this.setStatus({ kind: 'error', error: e instanceof SyncError ? e.cause : e });
        if (rethrow) throw e;
      }
    })();
    this.inFlight = work.then(
      () => undefined,
      () => undefined,
    );
    void this.inFlight.then(() => (this.inFlight = null));
    return work;
  }
}

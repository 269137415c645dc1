/**
 * What the member typed, kept in this browser until the server has it: written synchronously on
 * every change (localStorage), so neither a dropped connection nor a closed tab loses a sentence.
 * `baseVersion` is the server version the text was written on; an old copy never overwrites newer
 * text saved elsewhere (see reconcileLocalDraft in libs/domain).
 */
export interface LocalDraft {
  body: string;
  baseVersion: number;
  savedAt: string;
}

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class LocalDraftStore {
  constructor(
    private readonly key: string,
    private readonly storage: DraftStorage = localStorage,
  ) {}

  static keyFor(sessionId: string, memberId: string): string {
    return `hallbridge.reflection.${sessionId}.${memberId}`;
  }

  read(): LocalDraft | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? 'null') as LocalDraft | null;
      return value && typeof value.body === 'string' && Number.isInteger(value.baseVersion) ? value : null;
    } catch {
      return null;
    }
  }

  write(body: string, baseVersion: number): void {
    try {
      this.storage.setItem(
        this.key,
        JSON.stringify({ body, baseVersion, savedAt: new Date().toISOString() }),
      );
    } catch {
      // Storage full or disabled (private mode): the server copy is all we have.
    }
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}

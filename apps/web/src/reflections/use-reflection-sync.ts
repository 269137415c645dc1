import type { MyReflection } from '@hallbridge/contracts';
import { useEffect, useState } from 'react';
import { LocalDraftStore } from './local-draft';
import { fetchMyReflection, reflectionTransport } from './reflections-api';
import { ReflectionSync, type SyncStatus } from './reflection-sync';

/** One ReflectionSync for the writer's lifetime, with its status; thin over the plain class. */
export function useReflectionSync(sessionId: string, memberId: string, mine: MyReflection) {
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' });
  const [replaceWith, setReplaceWith] = useState<{ body: string; key: number }>();
  const [{ sync, start }] = useState(() => {
    const r = mine.reflection;
    const made = new ReflectionSync(
      { version: r?.version ?? 0, body: r?.body ?? '' },
      new LocalDraftStore(LocalDraftStore.keyFor(sessionId, memberId)),
      reflectionTransport(sessionId),
      (server) => setReplaceWith({ body: server.body, key: Date.now() }),
      async () => {
        const fresh = (await fetchMyReflection(sessionId)).reflection;
        return { version: fresh?.version ?? 0, body: fresh?.body ?? '' };
      },
    );
    return { sync: made, start: made.start() };
  });

  useEffect(() => {
    const unsubscribe = sync.subscribe(setStatus);
    const online = () => sync.online();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      unsubscribe();
      sync.dispose();
    };
  }, [sync]);

  return { sync, start, status, replaceWith };
}

import type { Deck, LiveSnapshot } from '@hallbridge/contracts';
import { useCallback, useRef, useState } from 'react';
import { mayDriveSlides, roomIsOpen } from '@hallbridge/domain';
import type { RunCommand } from './use-live-command';
import type { RoomRole } from './use-room-role';

interface Position {
  deckId: string;
  page: number;
}

const same = (a: Position | null, b: Position | null) => a?.deckId === b?.deckId && a?.page === b?.page;

/**
 * Moves the room's slides. Shows the wanted page at once and sends one command at a time, always
 * for the latest wanted page, so fast key presses never land out of order on the server.
 */
export function useSlideDriver(
  snapshot: LiveSnapshot | null,
  decks: readonly Deck[],
  role: RoomRole,
  run: RunCommand,
) {
  const [pending, setPending] = useState<Position | null>(null);
  const wanted = useRef<Position | null>(null);
  const sending = useRef(false);
  const slide = snapshot?.slide;
  const deckId = pending?.deckId ?? slide?.deckId ?? null;
  const page = pending?.page ?? slide?.page ?? 1;
  const deck = decks.find((d) => d.id === deckId) ?? null;
  const pageCount = deck?.pageCount ?? 0;
  const controllerId = slide?.controllerUserId ?? null;
  const canDrive =
    !!snapshot &&
    roomIsOpen(snapshot.state) &&
    mayDriveSlides(
      { isStaff: role.runs, userId: role.principal?.userId ?? null, role: role.principal?.role ?? 'member' },
      controllerId,
    );

  const go = useCallback(
    (target: Position) => {
      wanted.current = target;
      setPending(target);
      if (sending.current) return;
      sending.current = true;
      void (async () => {
        let sent: Position | null = null;
        while (wanted.current && !same(wanted.current, sent)) {
          sent = wanted.current;
          await run('slide:go', sent);
        }
        sending.current = false;
        wanted.current = null;
        setPending(null);
      })();
    },
    [run],
  );

  const goPage = useCallback(
    (target: number) => {
      if (!deckId || pageCount < 1) return;
      go({ deckId, page: Math.min(Math.max(1, target), pageCount) });
    },
    [deckId, go, pageCount],
  );

  return { deckId, page, deck, pageCount, controllerId, canDrive, go, goPage };
}

export type SlideDriver = ReturnType<typeof useSlideDriver>;

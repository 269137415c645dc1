import type { LivePointer } from '@hallbridge/contracts';
import { useCallback, useEffect, useRef, type PointerEvent } from 'react';
import type { LiveConnection } from '../../live/live-connection';

/**
 * About 16 updates a second: smooth enough to follow, and it leaves room in the server's
 * per-connection budget (20 messages a second, shared with commands) for slide changes.
 */
const EVERY_MS = 62;

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** Sends the presenter's pointer over the slide, throttled, and hides it when the mouse leaves. */
export function usePointerSender(connection: LiveConnection | null, enabled: boolean) {
  const lastSent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<LivePointer>(null);

  const flush = useCallback(() => {
    timer.current = null;
    lastSent.current = Date.now();
    connection?.pointer(latest.current);
  }, [connection]);

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      if (!box.width || !box.height) return;
      latest.current = {
        x: clamp((e.clientX - box.left) / box.width),
        y: clamp((e.clientY - box.top) / box.height),
      };
      const wait = lastSent.current + EVERY_MS - Date.now();
      if (wait <= 0) flush();
      else timer.current ??= setTimeout(flush, wait);
    },
    [flush],
  );

  const onPointerLeave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    latest.current = null;
    flush();
  }, [flush]);

  useEffect(() => {
    if (enabled) return;
    // Turning the pointer off hides it for everyone.
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (latest.current) {
      latest.current = null;
      connection?.pointer(null);
    }
  }, [enabled, connection]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return enabled ? { onPointerMove, onPointerLeave } : {};
}

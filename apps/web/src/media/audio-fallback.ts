/** Connection quality as LiveKit reports it for the local participant. */
export type Quality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface FallbackState {
  audioOnly: boolean;
  /** Who chose the mode: the user (kept until they change it) or the automatic fallback. */
  reason: 'user' | 'auto' | null;
  badSince: number | null;
  goodSince: number | null;
}

/** Weak for this long: video is dropped. */
export const FALL_BACK_AFTER_MS = 6_000;
/** Healthy again for this long after an automatic fallback: video comes back. */
export const RECOVER_AFTER_MS = 30_000;

export const initialFallback: FallbackState = {
  audioOnly: false,
  reason: null,
  badSince: null,
  goodSince: null,
};

export type FallbackInput =
  { type: 'quality'; quality: Quality; at: number } | { type: 'user'; audioOnly: boolean };

/**
 * Audio-only mode and the automatic fallback to it. LiveKit rates each connection from its loss,
 * jitter and bandwidth; when ours stays poor (or lost) for a few seconds the video goes and the
 * sound stays, and after a long healthy spell an automatic fallback is undone. A choice the user
 * made is never overridden.
 */
export function nextFallback(state: FallbackState, input: FallbackInput): FallbackState {
  if (input.type === 'user')
    return {
      audioOnly: input.audioOnly,
      reason: input.audioOnly ? 'user' : null,
      badSince: null,
      goodSince: null,
    };
  const bad = input.quality === 'poor' || input.quality === 'lost';
  const good = input.quality === 'good' || input.quality === 'excellent';
  const badSince = bad ? (state.badSince ?? input.at) : null;
  const goodSince = good ? (state.goodSince ?? input.at) : null;
  if (!state.audioOnly && badSince !== null && input.at - badSince >= FALL_BACK_AFTER_MS)
    return { audioOnly: true, reason: 'auto', badSince: null, goodSince: null };
  if (state.reason === 'auto' && goodSince !== null && input.at - goodSince >= RECOVER_AFTER_MS)
    return { audioOnly: false, reason: null, badSince: null, goodSince: null };
  return { ...state, badSince, goodSince };
}

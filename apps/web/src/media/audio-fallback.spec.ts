import {
  FALL_BACK_AFTER_MS,
  initialFallback,
  nextFallback,
  RECOVER_AFTER_MS,
  type FallbackInput,
} from './audio-fallback';

const run = (inputs: FallbackInput[], state = initialFallback) => inputs.reduce(nextFallback, state);
const q = (quality: 'excellent' | 'good' | 'poor' | 'lost', at: number): FallbackInput => ({
  type: 'quality',
  quality,
  at,
});

describe('audio-only fallback', () => {
  it('drops video when the connection stays poor, not on a blip', () => {
    expect(run([q('poor', 0), q('good', 1000), q('poor', 2000)]).audioOnly).toBe(false);
    const fallen = run([q('poor', 0), q('lost', 3000), q('poor', FALL_BACK_AFTER_MS)]);
    expect(fallen).toMatchObject({ audioOnly: true, reason: 'auto' });
  });

  it('brings video back after a long healthy spell, only when it fell back by itself', () => {
    const fallen = run([q('poor', 0), q('poor', FALL_BACK_AFTER_MS)]);
    const t = FALL_BACK_AFTER_MS + 1000;
    expect(run([q('good', t), q('excellent', t + RECOVER_AFTER_MS - 1)], fallen).audioOnly).toBe(true);
    expect(run([q('good', t), q('excellent', t + RECOVER_AFTER_MS)], fallen).audioOnly).toBe(false);
    const chosen = nextFallback(initialFallback, { type: 'user', audioOnly: true });
    expect(run([q('excellent', 0), q('excellent', RECOVER_AFTER_MS * 2)], chosen)).toMatchObject({
      audioOnly: true,
      reason: 'user',
    });
  });
});

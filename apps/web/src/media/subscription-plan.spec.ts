import { shouldSubscribe, type PlanContext, type PlanPublication } from './subscription-plan';

const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  floor: new Set(),
  visibleSites: new Set(),
  audioOnly: false,
  ...over,
});
const pub = (over: Partial<PlanPublication>): PlanPublication => ({
  identity: 'u:presenter',
  seat: 'stage',
  source: 'camera',
  kind: 'video',
  ...over,
});

describe('subscription plan', () => {
  it('always receives the stage, video and sound', () => {
    expect(shouldSubscribe(pub({}), ctx())).toBe(true);
    expect(shouldSubscribe(pub({ source: 'screen_share' }), ctx())).toBe(true);
    expect(shouldSubscribe(pub({ kind: 'audio', source: 'microphone' }), ctx())).toBe(true);
  });

  it('sees a district room only while its tile is on screen, and hears it only with the floor', () => {
    const site = pub({ identity: 's:1', seat: 'site' });
    expect(shouldSubscribe(site, ctx())).toBe(false);
    expect(shouldSubscribe(site, ctx({ visibleSites: new Set(['s:1']) }))).toBe(true);
    const voice = pub({ identity: 's:1', seat: 'site', kind: 'audio', source: 'microphone' });
    expect(shouldSubscribe(voice, ctx({ visibleSites: new Set(['s:1']) }))).toBe(false);
    expect(shouldSubscribe(voice, ctx({ floor: new Set(['s:1']) }))).toBe(true);
  });

  it('receives a member only while they hold the floor', () => {
    const member = pub({ identity: 'm:1', seat: 'audience', kind: 'audio', source: 'microphone' });
    expect(shouldSubscribe(member, ctx())).toBe(false);
    expect(shouldSubscribe(member, ctx({ floor: new Set(['m:1']) }))).toBe(true);
  });

  it('keeps the sound and drops every video in audio-only mode', () => {
    const only = ctx({ audioOnly: true, floor: new Set(['m:1']), visibleSites: new Set(['s:1']) });
    expect(shouldSubscribe(pub({}), only)).toBe(false);
    expect(shouldSubscribe(pub({ identity: 's:1', seat: 'site' }), only)).toBe(false);
    expect(shouldSubscribe(pub({ kind: 'audio', source: 'microphone' }), only)).toBe(true);
  });
});

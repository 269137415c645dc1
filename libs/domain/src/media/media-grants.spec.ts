import { assertMayJoinMedia, mediaGrants, mediaSeat, sameGrants } from './media-grants';

describe('media grants', () => {
  it('seats presenters and organisers on the stage, sites as sites, everyone else in the audience', () => {
    expect(mediaSeat({ role: 'presenter', isStaff: true })).toBe('stage');
    expect(mediaSeat({ role: 'organiser', isStaff: false })).toBe('stage');
    expect(mediaSeat({ role: 'site', isStaff: false })).toBe('site');
    expect(mediaSeat({ role: 'member', isStaff: false })).toBe('audience');
    expect(mediaSeat({ role: 'secretary', isStaff: false })).toBe('audience');
  });

  it('lets the stage send camera, microphone and screen, sites camera and microphone, members nothing', () => {
    expect(mediaGrants('stage', null).publish).toEqual(
      expect.arrayContaining(['camera', 'microphone', 'screen_share']),
    );
    expect(mediaGrants('site', null).publish.sort()).toEqual(['camera', 'microphone']);
    expect(mediaGrants('audience', null)).toEqual({ publish: [], subscribe: true });
  });

  it('gives a member on the floor the microphone, and the camera only when asked', () => {
    expect(mediaGrants('audience', { withCamera: false }).publish).toEqual(['microphone']);
    expect(mediaGrants('audience', { withCamera: true }).publish.sort()).toEqual(['camera', 'microphone']);
    // The floor never takes anything from those who already send.
    expect(mediaGrants('site', { withCamera: false })).toEqual(mediaGrants('site', null));
  });

  it('compares grants regardless of order', () => {
    expect(
      sameGrants(
        { publish: ['camera', 'microphone'], subscribe: true },
        { publish: ['microphone', 'camera'], subscribe: true },
      ),
    ).toBe(true);
    expect(sameGrants({ publish: ['microphone'], subscribe: true }, { publish: [], subscribe: true })).toBe(
      false,
    );
  });

  it('opens the room to the stage and sites before the start, to members only while live', () => {
    expect(() => assertMayJoinMedia('stage', 'scheduled')).not.toThrow();
    expect(() => assertMayJoinMedia('site', 'scheduled')).not.toThrow();
    expect(() => assertMayJoinMedia('audience', 'scheduled')).toThrow(/INVALID_TRANSITION/);
    expect(() => assertMayJoinMedia('audience', 'live')).not.toThrow();
    expect(() => assertMayJoinMedia('stage', 'ended')).toThrow(/INVALID_TRANSITION/);
  });
});

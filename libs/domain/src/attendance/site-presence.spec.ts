import { at } from './attendance.factory';
import type { PresenceInterval } from './presence-intervals';
import { sitePresence } from './site-presence';

const connected = (from: string, to: string | null): PresenceInterval => ({
  start: at(from),
  end: to === null ? null : at(to),
});

describe('site presence', () => {
  const sites = new Map<string, PresenceInterval[]>([
    ['room-a', [connected('07:50', '08:40'), connected('08:42', '10:05')]],
    ['room-b', [connected('08:00', null)]],
  ]);

  it('counts a member in the room from the check-in for as long as the room is connected', () => {
    expect(sitePresence([{ siteId: 'room-a', at: at('08:03') }], sites)).toEqual([
      { source: 'site', siteId: 'room-a', start: at('08:03'), end: at('08:40') },
      { source: 'site', siteId: 'room-a', start: at('08:42'), end: at('10:05') },
    ]);
  });

  it('starts at the room connection when the secretary ticked the member before it connected', () => {
    expect(sitePresence([{ siteId: 'room-b', at: at('07:30'), leftAt: at('09:00') }], sites)).toEqual([
      { source: 'site', siteId: 'room-b', start: at('08:00'), end: at('09:00') },
    ]);
  });

  it('counts a secretary’s tick from the time it vouches for, even before the room’s screen connected', () => {
    // Ticked "from the start" (08:00); room-c's screen was switched on at 08:20 and dropped 09:00–09:05.
    const late = new Map([['room-c', [connected('08:20', '09:00'), connected('09:05', null)]]]);
    expect(sitePresence([{ siteId: 'room-c', at: at('08:00'), method: 'roster' }], late)).toEqual([
      { source: 'site', siteId: 'room-c', start: at('08:00'), end: at('09:00') },
      { source: 'site', siteId: 'room-c', start: at('09:05'), end: null },
    ]);
    // A scan happens on the connected screen; the same times from a code count from the connection.
    expect(sitePresence([{ siteId: 'room-c', at: at('08:00'), method: 'code' }], late)[0]!.start).toBe(
      at('08:20'),
    );
    // A room that never connected during the stay still gives nothing, tick or not.
    expect(
      sitePresence([{ siteId: 'room-c', at: at('08:00'), leftAt: at('08:15'), method: 'roster' }], late),
    ).toEqual([]);
  });

  it('stays open while both the stay and the room connection are open', () => {
    expect(sitePresence([{ siteId: 'room-b', at: at('08:10') }], sites)).toEqual([
      { source: 'site', siteId: 'room-b', start: at('08:10'), end: null },
    ]);
  });

  it('ends at a recorded departure', () => {
    expect(sitePresence([{ siteId: 'room-a', at: at('08:00'), leftAt: at('08:30') }], sites)).toEqual([
      { source: 'site', siteId: 'room-a', start: at('08:00'), end: at('08:30') },
    ]);
  });

  it('gives nothing for a room that never connected or a check-in after it disconnected', () => {
    expect(sitePresence([{ siteId: 'room-x', at: at('08:00') }], sites)).toEqual([]);
    expect(sitePresence([{ siteId: 'room-a', at: at('10:10') }], sites)).toEqual([]);
  });

  it('keeps each check-in, also in two rooms', () => {
    const result = sitePresence(
      [
        { siteId: 'room-a', at: at('08:00'), leftAt: at('08:30') },
        { siteId: 'room-b', at: at('08:35') },
      ],
      sites,
    );
    expect(result.map((r) => [r.source === 'site' ? r.siteId : '', r.start, r.end])).toEqual([
      ['room-a', at('08:00'), at('08:30')],
      ['room-b', at('08:35'), null],
    ]);
  });
});

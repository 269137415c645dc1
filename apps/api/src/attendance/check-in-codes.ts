import { Inject, Injectable } from '@nestjs/common';
import {
  acceptedCheckInSlots,
  checkInSlot,
  checkInSlotEnd,
  checkInToken,
  digitsFromMac,
} from '@hallbridge/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Rotating room codes, derived rather than stored: HMAC(server key, session, room, time slot). Every
 * API instance agrees without sharing state, and a restart changes nothing.
 */
@Injectable()
export class CheckInCodes {
  private readonly key: string;
  readonly timing: { periodMs: number; graceMs: number };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = config.authSecret;
    this.timing = { periodMs: config.attendance.checkInPeriodMs, graceMs: config.attendance.checkInGraceMs };
  }

  private digits(sessionId: string, siteId: string, slot: number): string {
    return digitsFromMac(
      createHmac('sha256', this.key).update(`checkin|${sessionId}|${siteId}|${slot}`).digest(),
    );
  }

  /** The code a room shows now, its QR URL and when it changes. */
  current(sessionId: string, siteId: string, now: number) {
    const slot = checkInSlot(now, this.timing.periodMs);
    const digits = this.digits(sessionId, siteId, slot);
    return {
      digits,
      url: `${this.config.publicUrl}/checkin/${checkInToken(sessionId, siteId, digits)}`,
      expiresAt: checkInSlotEnd(slot, this.timing.periodMs),
    };
  }

  /** Whether `digits` is the room's code now, or its previous one still within the grace. */
  accepts(sessionId: string, siteId: string, digits: string, now: number): boolean {
    const given = Buffer.from(digits);
    return acceptedCheckInSlots(now, this.timing).some((slot) => {
      const expected = Buffer.from(this.digits(sessionId, siteId, slot));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
  }
}

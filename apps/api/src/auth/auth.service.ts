import { Inject, Injectable } from '@nestjs/common';
import type { AuthResult, JoinResult, LoginBody, PairBody } from '@hallbridge/contracts';
import { DomainError, isInvited, KnownAddresses, LoginThrottle, tooManyAttempts } from '@hallbridge/domain';
import * as argon2 from 'argon2';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { AccessRevocations } from './access-revocations';
import { ActorResolver } from './actor-resolver.service';
import { verifyJoinLink } from './join-link';
import type { RequestActor } from './request-actor';
import { TokenService, type TokenClaims } from './token.service';

/** Compared against when the username does not exist, so timing does not reveal which names exist. */
const decoyHash = argon2.hash('decoy-password-never-matches');

@Injectable()
export class AuthService {
  /**
   * Wrong passwords slow sign-ins down, they never lock an account: per account and address (5 free,
   * then 30 s doubling to 15 min), per address (50 free, as a district office is one NAT address,
   * then the same), and per account from anywhere (20 free, then 10 s doubling to 1 min) except from
   * addresses the account has signed in from, so whoever hammers the organiser's account cannot keep
   * the organiser out. docs/security.md lists every limit.
   */
  private readonly pairThrottle = new LoginThrottle({
    freeFailures: 5,
    baseDelayMs: 30_000,
    maxDelayMs: 15 * 60_000,
    forgetAfterMs: 60 * 60_000,
  });
  private readonly addressThrottle = new LoginThrottle({
    freeFailures: 50,
    baseDelayMs: 30_000,
    maxDelayMs: 15 * 60_000,
    forgetAfterMs: 60 * 60_000,
  });
  private readonly accountThrottle = new LoginThrottle({
    freeFailures: 20,
    baseDelayMs: 10_000,
    maxDelayMs: 60_000,
    forgetAfterMs: 60 * 60_000,
  });
  private readonly knownAddresses = new KnownAddresses(30 * 24 * 3600_000);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly actors: ActorResolver,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
  ) {}

  async login(body: LoginBody, clientIp: string): Promise<AuthResult> {
    const username = body.username.toLowerCase();
    const pair = `${username}\u0000${clientIp}`;
    const checks: [LoginThrottle, string][] = [
      [this.pairThrottle, pair],
      [this.addressThrottle, clientIp],
    ];
    if (!this.knownAddresses.knows(username, clientIp)) checks.push([this.accountThrottle, username]);
    const wait = Math.max(...checks.map(([t, key]) => t.retryAfterMs(key)));
    if (wait > 0) throw tooManyAttempts(wait);

    const user = await this.prisma.user.findUnique({ where: { username } });
    const ok = await argon2.verify(user?.passwordHash ?? (await decoyHash), body.password);
    if (!user || !ok || !user.active) {
      this.pairThrottle.recordFailure(pair);
      this.addressThrottle.recordFailure(clientIp);
      this.accountThrottle.recordFailure(username);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    this.pairThrottle.recordSuccess(pair);
    this.knownAddresses.remember(username, clientIp);
    await this.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    return this.authResult({ kind: 'staff', sub: user.id, ver: user.tokenVersion });
  }

  /** Exchanges a member's personal join link for a member token, if they are still invited. */
  async join(token: string): Promise<JoinResult> {
    const check = verifyJoinLink(token, this.config.authSecret);
    if (!check.ok) throw new DomainError(check.reason === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    const { memberId, sessionId } = check.claims;
    const [member, session] = await Promise.all([
      this.prisma.member.findUnique({ where: { id: memberId }, include: { unit: true } }),
      this.prisma.studySession.findUnique({
        where: { id: sessionId },
        include: { invitations: { include: { unit: { select: { path: true } } } } },
      }),
    ]);
    if (!member || member.status === 'inactive' || !session) throw new DomainError('TOKEN_INVALID');
    const invitedPaths = session.invitations.map((i) => i.unit.path);
    if (!isInvited(member.unit.path, invitedPaths)) throw new DomainError('TOKEN_INVALID');
    return { ...(await this.authResult({ kind: 'member', sub: member.id })), sessionId };
  }

  /** A room screen types the code it was given; the code works once and the device gets a long token. */
  async pair(body: PairBody): Promise<AuthResult> {
    const site = await this.prisma.site.findUnique({ where: { pairingCode: body.code } });
    if (!site || !site.pairingExpiresAt || site.pairingExpiresAt < new Date())
      throw new DomainError('PAIRING_CODE_INVALID');
    const paired = await this.prisma.site.update({
      where: { id: site.id },
      data: {
        pairingCode: null,
        pairingExpiresAt: null,
        pairedAt: new Date(),
        lastSeenAt: new Date(),
        deviceGeneration: { increment: 1 },
      },
    });
    // The screen paired before (if any) is retired, and its open sockets with it.
    await this.revocations.changed({ kind: 'site', id: paired.id });
    return this.authResult({ kind: 'site', sub: paired.id, gen: paired.deviceGeneration });
  }

  /** "Sign out everywhere": every token of the caller's account stops working, this one included. */
  async signOutEverywhere(actor: RequestActor): Promise<void> {
    if (!actor.userId) throw new DomainError('FORBIDDEN');
    const userId = actor.userId;
    await this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: userId },
        data: { tokenVersion: { increment: 1 } },
        include: { unit: { select: { path: true } } },
      });
      await this.audit.record(tx, actor, {
        action: 'user.signed_out_everywhere',
        entityType: 'user',
        entityId: userId,
        unitPath: user.unit.path,
      });
    });
    await this.revocations.changed({ kind: 'user', id: userId });
  }

  private async authResult(claims: TokenClaims): Promise<AuthResult> {
    const { token, expiresAt } = await this.tokens.issue(claims);
    const actor = await this.actors.fromClaims(claims);
    return { token, expiresAt, principal: actor.principal };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AuthResult, JoinResult, LoginBody, PairBody } from '@hallbridge/contracts';
import { DomainError, isInvited, LoginThrottle } from '@hallbridge/domain';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { ActorResolver } from './actor-resolver.service';
import { verifyJoinLink } from './join-link';
import { TokenService, type TokenClaims } from './token.service';

/** Compared against when the username does not exist, so timing does not reveal which names exist. */
const decoyHash = argon2.hash('decoy-password-never-matches');

@Injectable()
export class AuthService {
  /** Five wrong passwords lock a username for a while; an address (a whole district office behind one NAT) gets more room. */
  private readonly userThrottle = new LoginThrottle({ maxFailures: 5, windowMs: 15 * 60_000 });
  private readonly ipThrottle = new LoginThrottle({ maxFailures: 50, windowMs: 15 * 60_000 });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly actors: ActorResolver,
  ) {}

  async login(body: LoginBody, clientIp: string): Promise<AuthResult> {
    const username = body.username.toLowerCase();
    const checks = [
      [this.userThrottle, username],
      [this.ipThrottle, clientIp],
    ] as const;
    const wait = Math.max(...checks.map(([t, key]) => t.retryAfterMs(key)));
    if (wait > 0) throw new DomainError('TOO_MANY_ATTEMPTS', { minutes: Math.ceil(wait / 60_000) });

    const user = await this.prisma.user.findUnique({ where: { username } });
    const ok = await argon2.verify(user?.passwordHash ?? (await decoyHash), body.password);
    if (!user || !ok || !user.active) {
      checks.forEach(([t, key]) => t.recordFailure(key));
      throw new DomainError('INVALID_CREDENTIALS');
    }
    this.userThrottle.recordSuccess(username);
    await this.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    return this.authResult({ kind: 'staff', sub: user.id });
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
    return this.authResult({ kind: 'site', sub: paired.id, gen: paired.deviceGeneration });
  }

  private async authResult(claims: TokenClaims): Promise<AuthResult> {
    const { token, expiresAt } = await this.tokens.issue(claims);
    const actor = await this.actors.fromClaims(claims);
    return { token, expiresAt, principal: actor.principal };
  }
}

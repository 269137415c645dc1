import { Injectable } from '@nestjs/common';
import type { CreateSiteBody, Site, UpdateSiteBody } from '@hallbridge/contracts';
import { canManageRoster, DomainError, isWithin } from '@hallbridge/domain';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { AccessRevocations } from '../auth/access-revocations';
import type { RequestActor } from '../auth/request-actor';
import { PrismaService } from '../database/prisma.service';

type SiteRow = Awaited<ReturnType<PrismaService['site']['findFirstOrThrow']>>;

const PAIRING_VALID_MS = 24 * 3600_000;

const toSite = (s: SiteRow): Site => ({
  id: s.id,
  unitId: s.unitId,
  name: s.name,
  location: s.location,
  paired: s.pairedAt !== null,
  pairingCode: s.pairingExpiresAt && s.pairingExpiresAt > new Date() ? s.pairingCode : null,
  pairingExpiresAt:
    s.pairingExpiresAt && s.pairingExpiresAt > new Date() ? s.pairingExpiresAt.toISOString() : null,
  lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
});

const newPairingCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

/** District rooms belong to a branch; its secretary (or an organiser above) sets the room's screen up. */
@Injectable()
export class SitesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
  ) {}

  async list(actor: RequestActor): Promise<Site[]> {
    if (!canManageRoster(actor, actor.unitPath)) throw new DomainError('FORBIDDEN');
    const rows = await this.prisma.site.findMany({
      where: { unit: { path: { startsWith: actor.unitPath } } },
      orderBy: { name: 'asc' },
    });
    return rows.map(toSite);
  }

  async create(actor: RequestActor, body: CreateSiteBody): Promise<Site> {
    const unit = await this.prisma.unit.findUnique({ where: { id: body.unitId } });
    if (!unit || !isWithin(unit.path, actor.unitId)) throw new DomainError('NOT_FOUND', { entity: 'unit' });
    if (!canManageRoster(actor, unit.path)) throw new DomainError('FORBIDDEN');
    return this.prisma.$transaction(async (tx) => {
      const site = toSite(
        await tx.site.create({
          data: {
            unitId: unit.id,
            name: body.name,
            location: body.location ?? null,
            pairingCode: newPairingCode(),
            pairingExpiresAt: new Date(Date.now() + PAIRING_VALID_MS),
          },
        }),
      );
      await this.audit.record(tx, actor, {
        action: 'site.created',
        entityType: 'site',
        entityId: site.id,
        unitPath: unit.path,
        after: site,
      });
      return site;
    });
  }

  async update(actor: RequestActor, id: string, body: UpdateSiteBody): Promise<Site> {
    const existing = await this.findInScope(actor, id);
    return this.prisma.$transaction(async (tx) => {
      const site = toSite(
        await tx.site.update({ where: { id }, data: { name: body.name, location: body.location } }),
      );
      await this.audit.record(tx, actor, {
        action: 'site.updated',
        entityType: 'site',
        entityId: id,
        unitPath: existing.unit.path,
        before: toSite(existing),
        after: site,
      });
      return site;
    });
  }

  /** A fresh code for (re)pairing the room's screen; the device paired before keeps working until it is used. */
  async newPairingCode(actor: RequestActor, id: string): Promise<Site> {
    const existing = await this.findInScope(actor, id);
    return this.prisma.$transaction(async (tx) => {
      const site = toSite(
        await tx.site.update({
          where: { id },
          data: { pairingCode: newPairingCode(), pairingExpiresAt: new Date(Date.now() + PAIRING_VALID_MS) },
        }),
      );
      await this.audit.record(tx, actor, {
        action: 'site.pairing_code_issued',
        entityType: 'site',
        entityId: id,
        unitPath: existing.unit.path,
      });
      return site;
    });
  }

  async remove(actor: RequestActor, id: string): Promise<void> {
    const existing = await this.findInScope(actor, id);
    await this.prisma.$transaction(async (tx) => {
      await tx.site.delete({ where: { id } });
      await this.audit.record(tx, actor, {
        action: 'site.deleted',
        entityType: 'site',
        entityId: id,
        unitPath: existing.unit.path,
        before: toSite(existing),
      });
    });
    await this.revocations.changed({ kind: 'site', id });
  }

  private async findInScope(actor: RequestActor, id: string) {
    const site = await this.prisma.site.findUnique({ where: { id }, include: { unit: true } });
    if (!site || !isWithin(site.unit.path, actor.unitId))
      throw new DomainError('NOT_FOUND', { entity: 'site' });
    if (!canManageRoster(actor, site.unit.path)) throw new DomainError('FORBIDDEN');
    return site;
  }
}

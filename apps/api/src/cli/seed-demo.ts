import 'reflect-metadata';
import { AttendanceRules } from '@hallbridge/contracts';
import { matchKey } from '@hallbridge/domain';
import * as argon2 from 'argon2';
import { randomInt, randomUUID } from 'node:crypto';
import { joinLinkExpiry, signJoinLink } from '../auth/join-link';
import { loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database';
import type { PrismaService } from '../database/prisma.service';
import { demoBranches, demoPassword, demoProvince, demoStaff } from './demo-organisation';

/**
 * `npm run seed:demo`: fills an install with a demo organisation and a session that starts now.
 * Idempotent: units, accounts and members are found by code and name; a new session is made only
 * when no demo session is still to come or running.
 */
async function ensureUnit(
  prisma: PrismaService,
  code: string,
  data: { name: string; kind: 'committee' | 'branch'; parent?: { id: string; path: string } },
) {
  const existing = await prisma.unit.findUnique({ where: { code } });
  if (existing) return existing;
  const id = randomUUID();
  return prisma.unit.create({
    data: {
      id,
      code,
      name: data.name,
      kind: data.kind,
      parentId: data.parent?.id ?? null,
      path: `${data.parent?.path ?? '/'}${id}/`,
    },
  });
}

async function ensureUser(
  prisma: PrismaService,
  passwordHash: string,
  data: {
    username: string;
    displayName: string;
    role: 'organiser' | 'presenter' | 'secretary';
    unitId: string;
  },
) {
  return prisma.user.upsert({
    where: { username: data.username },
    update: {},
    create: { ...data, passwordHash },
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  const prisma = db.prisma;
  try {
    const passwordHash = await argon2.hash(demoPassword);
    const province = await ensureUnit(prisma, demoProvince.code, {
      name: demoProvince.name,
      kind: 'committee',
    });
    const organiser = await ensureUser(prisma, passwordHash, {
      ...demoStaff.organiser,
      role: 'organiser',
      unitId: province.id,
    });
    const presenter = await ensureUser(prisma, passwordHash, {
      ...demoStaff.presenter,
      role: 'presenter',
      unitId: province.id,
    });

    const branches = [];
    for (const b of demoBranches) {
      const unit = await ensureUnit(prisma, b.code, { name: b.name, kind: 'branch', parent: province });
      await ensureUser(prisma, passwordHash, { ...b.secretary, role: 'secretary', unitId: unit.id });
      for (const [i, fullName] of b.members.entries()) {
        const exists = await prisma.member.findFirst({
          where: { unitId: unit.id, nameKey: matchKey(fullName) },
        });
        if (!exists)
          await prisma.member.create({
            data: {
              unitId: unit.id,
              fullName,
              nameKey: matchKey(fullName),
              phone: `09${String(randomInt(10_000_000, 99_999_999))}`,
              position: i === 0 ? 'Phó Bí thư' : null,
            },
          });
      }
      let site = await prisma.site.findFirst({ where: { unitId: unit.id, name: b.site } });
      if (!site) site = await prisma.site.create({ data: { unitId: unit.id, name: b.site } });
      if (!site.pairedAt && (!site.pairingExpiresAt || site.pairingExpiresAt < new Date()))
        site = await prisma.site.update({
          where: { id: site.id },
          data: {
            pairingCode: String(randomInt(0, 100_000_000)).padStart(8, '0'),
            pairingExpiresAt: new Date(Date.now() + 24 * 3600_000),
          },
        });
      branches.push({ unit, site, secretary: b.secretary.username });
    }

    let session = await prisma.studySession.findFirst({
      where: { hostUnitId: province.id, endsAt: { gt: new Date() }, state: { in: ['scheduled', 'live'] } },
      orderBy: { startsAt: 'asc' },
    });
    if (!session) {
      const startsAt = new Date();
      startsAt.setSeconds(0, 0);
      session = await prisma.studySession.create({
        data: {
          title: 'Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh (demo)',
          topic: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XII',
          description: 'Hội nghị trực tuyến kết nối hội trường tỉnh với các điểm cầu chi bộ.',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
          mode: 'hybrid',
          hostUnitId: province.id,
          createdById: organiser.id,
          attendanceRules: AttendanceRules.parse({}),
          invitations: { create: [{ unitId: province.id }] },
          presenters: { create: [{ userId: presenter.id }] },
        },
      });
    }

    const firstMember = await prisma.member.findFirstOrThrow({
      where: { unitId: branches[0]!.unit.id },
      orderBy: { createdAt: 'asc' },
    });
    const link = signJoinLink(
      { memberId: firstMember.id, sessionId: session.id, exp: joinLinkExpiry(session.endsAt) },
      config.authSecret,
    );
    const lines = [
      '',
      `HallBridge demo is ready (${db.kind}). Open ${config.publicUrl} and sign in:`,
      `  organiser  ${demoStaff.organiser.username} / ${demoPassword}`,
      `  presenter  ${demoStaff.presenter.username} / ${demoPassword}`,
      ...branches.map((b) => `  secretary  ${b.secretary} / ${demoPassword}   (${b.unit.name})`),
      '',
      `Session "${session.title}" starts ${session.startsAt.toISOString()} (id ${session.id}).`,
      `A member joins through their personal link, e.g. ${firstMember.fullName}:`,
      `  ${config.publicUrl}/j/${link}`,
      'Site devices: open /site on the room screen and type the pairing code:',
      ...branches.map((b) => `  ${b.site.name}: ${b.site.pairedAt ? 'already paired' : b.site.pairingCode}`),
      '',
    ];
    console.log(lines.join('\n'));
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

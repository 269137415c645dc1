import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { matchKey } from '@hallbridge/domain';
import type { PrismaService } from '../../apps/api/src/database/prisma.service';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | null = null;
const hash = () => (passwordHash ??= argon2.hash(TEST_PASSWORD));

/** A unit under `parent` (or a root); ids are made here so the materialised path is known. */
export async function unitFactory(
  prisma: PrismaService,
  data: { name: string; code: string; kind: 'committee' | 'branch'; parent?: { id: string; path: string } },
) {
  const id = randomUUID();
  return prisma.unit.create({
    data: {
      id,
      name: data.name,
      code: data.code,
      kind: data.kind,
      parentId: data.parent?.id ?? null,
      path: `${data.parent?.path ?? '/'}${id}/`,
    },
  });
}

export async function userFactory(
  prisma: PrismaService,
  data: {
    username: string;
    role: 'organiser' | 'presenter' | 'secretary';
    unitId: string;
    displayName?: string;
  },
) {
  return prisma.user.create({
    data: {
      username: data.username,
      role: data.role,
      unitId: data.unitId,
      displayName: data.displayName ?? data.username,
      passwordHash: await hash(),
    },
  });
}

export async function memberFactory(
  prisma: PrismaService,
  data: { fullName: string; unitId: string; phone?: string; status?: 'active' | 'exempt' | 'inactive' },
) {
  return prisma.member.create({
    data: {
      fullName: data.fullName,
      nameKey: matchKey(data.fullName),
      unitId: data.unitId,
      phone: data.phone ?? null,
      status: data.status ?? 'active',
    },
  });
}

/**
 * Tỉnh ủy (P) ─┬─ Huyện ủy Đông (D1, committee) ─┬─ Chi bộ 1 (B1)
 *              │                                 └─ Chi bộ 2 (B2)
 *              └─ Chi bộ Cơ quan (B3)
 * with an organiser at P and at D1, a secretary of B1, a presenter at P, and members in each branch.
 */
export async function organisationFactory(prisma: PrismaService) {
  const P = await unitFactory(prisma, { name: 'Tỉnh ủy Thử Nghiệm', code: 'TU', kind: 'committee' });
  const D1 = await unitFactory(prisma, {
    name: 'Huyện ủy Đông',
    code: 'HU-DONG',
    kind: 'committee',
    parent: P,
  });
  const B1 = await unitFactory(prisma, { name: 'Chi bộ Thôn 1', code: 'CB1', kind: 'branch', parent: D1 });
  const B2 = await unitFactory(prisma, { name: 'Chi bộ Thôn 2', code: 'CB2', kind: 'branch', parent: D1 });
  const B3 = await unitFactory(prisma, { name: 'Chi bộ Cơ quan', code: 'CB3', kind: 'branch', parent: P });
  const users = {
    organiser: await userFactory(prisma, {
      username: 'tochuc',
      role: 'organiser',
      unitId: P.id,
      displayName: 'Nguyễn Văn Tổ',
    }),
    districtOrganiser: await userFactory(prisma, { username: 'huyen', role: 'organiser', unitId: D1.id }),
    secretary: await userFactory(prisma, {
      username: 'bithu1',
      role: 'secretary',
      unitId: B1.id,
      displayName: 'Trần Thị Bí',
    }),
    presenter: await userFactory(prisma, {
      username: 'baocao',
      role: 'presenter',
      unitId: P.id,
      displayName: 'Lê Báo Cáo',
    }),
  };
  const members = {
    an: await memberFactory(prisma, { fullName: 'Nguyễn Văn An', unitId: B1.id, phone: '0912000001' }),
    binh: await memberFactory(prisma, { fullName: 'Phạm Thị Bình', unitId: B1.id }),
    cuong: await memberFactory(prisma, { fullName: 'Hoàng Văn Cường', unitId: B2.id }),
    dung: await memberFactory(prisma, { fullName: 'Đỗ Thị Dung', unitId: B3.id }),
  };
  return { units: { P, D1, B1, B2, B3 }, users, members };
}

/** A deck already converted (`pageCount` pages), for tests that move slides without a real file. */
export async function readyDeckFactory(prisma: PrismaService, sessionId: string, pageCount: number) {
  return prisma.deck.create({
    data: {
      sessionId,
      position: 0,
      title: 'Bài giảng',
      fileName: 'bai-giang.pdf',
      sourceKind: 'pdf',
      size: 1,
      status: 'ready',
      pageCount,
      storagePrefix: `decks/${randomUUID()}`,
    },
  });
}

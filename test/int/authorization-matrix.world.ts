import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { deckPagePath, deckThumbPath } from '../../apps/api/src/slides/conversion/deck-converter';
import { FileStorage } from '../../apps/api/src/files/file-storage.service';
import { ApiClient } from '../support/api-client';
import {
  memberFactory,
  organisationFactory,
  readyDeckFactory,
  TEST_PASSWORD,
  unitFactory,
  userFactory,
} from '../support/factories';
import { memberTokens, pairedSiteToken } from '../support/session-tokens';
import type { TestApp } from '../support/test-app';
import type { Role } from './authorization-matrix.table';

const hour = 3600_000;

/**
 * The world every cell of the authorisation matrix runs in: organisationFactory's province with
 * a second district (D2, its organiser and the secretary of its branch B4: "another branch"),
 * a live session and an ended one, both hosted by the province and inviting Huyện ủy Đông
 * (Thôn 1 is in it), with a deck, a material, a room, marks, a reflection, a programme and a
 * feedback survey, so an allowed call has something real to act on.
 */
export async function matrixWorld(app: TestApp) {
  const prisma = app.prisma;
  const org = await organisationFactory(prisma);
  const D2 = await unitFactory(prisma, {
    name: 'Huyện ủy Tây',
    code: 'HU-TAY',
    kind: 'committee',
    parent: org.units.P,
  });
  const B4 = await unitFactory(prisma, { name: 'Chi bộ Thôn 4', code: 'CB4', kind: 'branch', parent: D2 });
  await userFactory(prisma, { username: 'huyen-tay', role: 'organiser', unitId: D2.id });
  await userFactory(prisma, { username: 'bithu4', role: 'secretary', unitId: B4.id });
  const leaver = await userFactory(prisma, {
    username: 'da-nghi',
    role: 'secretary',
    unitId: org.units.B1.id,
  });
  const gia = await memberFactory(prisma, { fullName: 'Vũ Thị Gia', unitId: B4.id });

  const api = new ApiClient(app.url);
  const organiser = await api.login('tochuc', TEST_PASSWORD);
  const presenter = await api.login('baocao', TEST_PASSWORD);
  const secretary = await api.login('bithu1', TEST_PASSWORD);
  const deactivated = await api.login('da-nghi', TEST_PASSWORD);
  await prisma.user.update({ where: { id: leaver.id }, data: { active: false } });

  const newSession = async (title: string, state: 'scheduled' | 'live' | 'ended' = 'scheduled') => {
    const res = await organiser.post('/sessions', {
      title,
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id],
      presenterIds: [org.users.presenter.id],
    });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
    const id: string = res.body.id;
    if (state !== 'scheduled') await organiser.post(`/sessions/${id}/transitions`, { action: 'start' });
    if (state === 'ended') await organiser.post(`/sessions/${id}/transitions`, { action: 'end' });
    return id;
  };

  const live = await newSession('Phiên đang diễn ra', 'live');
  const ended = await newSession('Phiên đã kết thúc', 'ended');
  const people: Record<string, string> = await memberTokens(organiser, live, {
    an: 'Nguyễn Văn An',
    binh: 'Phạm Thị Bình',
  });
  const tokens = {
    an: people.an!,
    site: await pairedSiteToken(organiser, org.units.B1.id, 'Hội trường Thôn 1'),
  };
  const member = api.as(tokens.an);
  const site = api.as(tokens.site);
  const siteId = (await prisma.site.findFirstOrThrow({ where: { unitId: org.units.B1.id } })).id;

  // A converted deck with its page images on disk.
  const deck = await readyDeckFactory(prisma, live, 2);
  const files = app.running.app.get(FileStorage);
  const deckDir = files.pathOf(deck.storagePrefix);
  const webp = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#fff' } })
    .webp()
    .toBuffer();
  for (const path of [deckPagePath(deckDir, 1), deckThumbPath(deckDir, 1)]) {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, webp);
  }
  await prisma.deck
    .update({ where: { id: deck.id }, data: { notes: ['Ghi chú', null] } })
    .catch(() => undefined);

  // Reflections on the ended session: settings, An's submitted text.
  const gradeScale = [
    { key: 'good', label: 'Đạt', passing: true },
    { key: 'redo', label: 'Chưa đạt', passing: false },
  ];
  const reflectionSettings = {
    enabled: true,
    deadline: new Date(Date.now() + 48 * hour).toISOString(),
    minWords: 1,
    gradeScale,
  };
  await organiser.put(`/sessions/${ended}/reflections/settings`, reflectionSettings);
  const anEnded = (await memberTokens(organiser, ended, { an: 'Nguyễn Văn An' })).an!;
  const saved = await api.as(anEnded).put(`/sessions/${ended}/reflections/mine`, {
    body: '<p>Bài thu hoạch của tôi</p>',
    baseVersion: 0,
  });
  await api.as(anEnded).post(`/sessions/${ended}/reflections/mine/submit`, { version: saved.body.version });
  const reflectionId: string = (await secretary.get(`/sessions/${ended}/reflections`)).body.members.find(
    (m: { reflectionId: string | null }) => m.reflectionId,
  ).reflectionId;

  // Thôn 1's action programme on the ended session, and a feedback survey.
  const programme = await secretary.post(`/sessions/${ended}/programmes/${org.units.B1.id}/actions`, {
    title: 'Số hóa hồ sơ đảng viên',
    owner: 'Chi ủy',
  });
  const programmeId: string = programme.body.id;
  const template = await organiser.post('/feedback/templates', {
    name: 'Phiếu đánh giá',
    questions: [{ id: 'q1', kind: 'rating', text: 'Nội dung có hữu ích?' }],
  });
  const templateId: string = template.body.id;
  await organiser.put(`/sessions/${ended}/feedback`, {
    templateId,
    closesAt: new Date(Date.now() + 48 * hour).toISOString(),
  });

  const material = await organiser.upload(`/sessions/${live}/materials`, 'tai-lieu.txt', 'Nghị quyết số 1');

  return {
    org,
    units: { ...org.units, D2, B4 },
    members: { ...org.members, gia },
    api,
    organiser,
    presenter,
    secretary,
    member,
    site,
    siteId,
    tokens: {
      organiser: organiser.token!,
      presenter: presenter.token!,
      secretary: secretary.token!,
      member: tokens.an,
      site: tokens.site,
      otherSecretary: (await api.login('bithu4', TEST_PASSWORD)).token!,
      otherOrganiser: (await api.login('huyen-tay', TEST_PASSWORD)).token!,
      deactivated: deactivated.token!,
      anonymous: null,
    } satisfies Record<Role, string | null>,
    binhToken: people.binh!,
    live,
    ended,
    newSession,
    deckId: deck.id,
    materialId: material.body.id as string,
    reflectionId,
    programmeId,
    templateId,
    gradeScale,
    reflectionSettings,
  };
}

export type World = Awaited<ReturnType<typeof matrixWorld>>;

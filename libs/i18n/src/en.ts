import { attendanceEn } from './attendance.en';
import { coreEn } from './core.en';
import { liveEn } from './live.en';
import { mediaEn } from './media.en';
import { networkEn } from './network.en';
import { notificationsEn } from './notifications.en';
import { organisationEn } from './organisation.en';
import { evaluationEn, feedbackEn } from './evaluation.en';
import { programmesEn } from './programmes.en';
import { reflectionsEn } from './reflections.en';
import { sessionsEn } from './sessions.en';
import type { Catalogue } from './vi';

export const en: Catalogue = {
  ...coreEn,
  ...organisationEn,
  ...sessionsEn,
  live: liveEn,
  attendance: attendanceEn,
  media: mediaEn,
  network: networkEn,
  reflections: reflectionsEn,
  notifications: notificationsEn,
  programmes: programmesEn,
  feedback: feedbackEn,
  evaluation: evaluationEn,
};

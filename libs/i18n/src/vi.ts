import { attendanceVi } from './attendance.vi';
import { coreVi } from './core.vi';
import { liveVi } from './live.vi';
import { mediaVi } from './media.vi';
import { networkVi } from './network.vi';
import { notificationsVi } from './notifications.vi';
import { organisationVi } from './organisation.vi';
import { evaluationVi, feedbackVi } from './evaluation.vi';
import { programmesVi } from './programmes.vi';
import { reflectionsVi } from './reflections.vi';
import { sessionsVi } from './sessions.vi';

/**
 * The Vietnamese catalogue is the source of truth; every other language must have the same keys.
 * Each area keeps its messages in its own file (`<area>.vi.ts` and `<area>.en.ts`), registered
 * here with one line.
 */
export const vi = {
  ...coreVi,
  ...organisationVi,
  ...sessionsVi,
  live: liveVi,
  attendance: attendanceVi,
  media: mediaVi,
  network: networkVi,
  reflections: reflectionsVi,
  notifications: notificationsVi,
  programmes: programmesVi,
  feedback: feedbackVi,
  evaluation: evaluationVi,
};

export type Catalogue = typeof vi;

import type { MemberAttendanceRow, SessionAttendance } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import { FormField } from '../components/form-field';
import { useRosterTick } from './attendance-api';

/** The secretary ticks a member as sitting in one of the session's rooms. */
export function TickDialog({
  report,
  member,
  onClose,
}: {
  report: SessionAttendance;
  member: MemberAttendanceRow;
  onClose: () => void;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.tick' });
  const tick = useRosterTick(report.sessionId);
  const [siteId, setSiteId] = useState(report.sites.length === 1 ? report.sites[0]!.siteId : '');
  const [since, setSince] = useState<'now' | 'start'>('now');
  return (
    <ConfirmDialog
      title={t('title', { name: member.fullName })}
      message={
        <div className="stack">
          <FormField label={t('site')} required>
            {(a11y) => (
              <select
                {...a11y}
                value={siteId}
                onChange={(e) => setSiteId(e.target.value)}
                data-testid="tick-site"
              >
                <option value="">{t('chooseSite')}</option>
                {report.sites.map((s) => (
                  <option key={s.siteId} value={s.siteId}>
                    {s.siteName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('since')}>
            {(a11y) => (
              <select {...a11y} value={since} onChange={(e) => setSince(e.target.value as 'now' | 'start')}>
                <option value="now">{t('sinceNow')}</option>
                <option value="start">{t('sinceStart')}</option>
              </select>
            )}
          </FormField>
        </div>
      }
      confirmLabel={t('save')}
      pending={tick.isPending || !siteId}
      error={tick.error}
      onConfirm={() =>
        tick.mutate(
          { memberId: member.memberId, siteId, at: since === 'start' ? report.window.start : undefined },
          { onSuccess: onClose },
        )
      }
      onClose={onClose}
    />
  );
}

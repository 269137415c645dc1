import type { StudySession } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunCommand } from '../hooks/use-live-command';
import type { SlideDriver } from '../hooks/use-slide-driver';

interface SlideHandoverControlProps {
  session: StudySession;
  driver: SlideDriver;
  myUserId: string | null;
  /** The controller (or an organiser) may hand the slides to another presenter. */
  canHandOver: boolean;
  run: RunCommand;
  pending: boolean;
}

/** Who drives the slides, and handing them to another presenter of the session. */
export function SlideHandoverControl({
  session,
  driver,
  myUserId,
  canHandOver,
  run,
  pending,
}: SlideHandoverControlProps) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const controller = session.presenters.find((p) => p.userId === driver.controllerId);
  const others = session.presenters.filter((p) => p.userId !== driver.controllerId);
  return (
    <div className="handover" data-testid="slide-handover">
      <p className="small" data-testid="slide-controller" data-user-id={driver.controllerId ?? ''}>
        {driver.controllerId === null
          ? t('live.handover.anyone')
          : driver.controllerId === myUserId
            ? t('live.handover.you')
            : t('live.handover.other', { name: controller?.displayName ?? '—' })}
      </p>
      {canHandOver && others.length > 0 && (
        <form
          className="handover__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (to) void run('slide:handover', { userId: to }).then((ok) => ok && setTo(''));
          }}
        >
          <label className="visually-hidden" htmlFor="handover-to">
            {t('live.handover.to')}
          </label>
          <select
            id="handover-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="handover-select"
          >
            <option value="">{t('live.handover.to')}</option>
            {others.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.displayName}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button--small"
            disabled={!to || pending}
            data-testid="handover-submit"
          >
            {t('live.handover.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

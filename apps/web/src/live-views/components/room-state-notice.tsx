import type { SessionState } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';

/** Before the start and after the end, the audience is told so (the room updates by itself). */
export function RoomStateNotice({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  if (state === 'live') return null;
  return (
    <p
      className="live-banner live-banner--state"
      role="status"
      data-testid="room-state-notice"
      data-state={state}
    >
      {state === 'scheduled' ? t('live.state.waiting') : t('live.state.over')}
    </p>
  );
}

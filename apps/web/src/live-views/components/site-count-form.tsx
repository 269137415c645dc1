import type { Poll } from '@hallbridge/contracts';
import { answerChoices } from '@hallbridge/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';

/** The room's show of hands: how many people in the room chose each option (sent again to correct). */
export function SiteCountForm({ poll, connection }: { poll: Poll; connection: LiveConnection | null }) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Record<string, number> | null>(null);
  const keys = answerChoices(poll);
  if (poll.kind === 'text' || poll.status !== 'open') return null;
  const parsed = Object.fromEntries(
    keys.map((k) => [k.id, Math.max(0, Math.floor(Number(counts[k.id] || 0)))]),
  );
  const valid = keys.every((k) => !counts[k.id] || /^\d{1,5}$/.test(counts[k.id]!));
  return (
    <form
      className="site-count stack"
      data-testid="room-count-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        void run('poll:site-count', { pollId: poll.id, counts: parsed }).then((ok) => ok && setSent(parsed));
      }}
    >
      <p className="site-count__intro">{t('live.site.countIntro')}</p>
      <div className="site-count__grid">
        {keys.map((k) => (
          <label key={k.id} className="site-count__row">
            <span className="site-count__label">{k.label}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              value={counts[k.id] ?? ''}
              placeholder="0"
              onChange={(e) => {
                setCounts({ ...counts, [k.id]: e.target.value });
                setSent(null);
              }}
              data-testid="room-count-input"
              data-option={k.id}
            />
          </label>
        ))}
      </div>
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={pending || !valid}
        data-testid="room-count-submit"
      >
        {t('live.site.sendCount')}
      </button>
      {sent && (
        <p className="site-count__sent" role="status" data-testid="room-count-sent">
          {t('live.site.countSent', { total: Object.values(sent).reduce((a, b) => a + b, 0) })}
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

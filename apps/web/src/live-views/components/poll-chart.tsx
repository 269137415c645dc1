import type { Poll, PollTally } from '@hallbridge/contracts';
import { answerChoices } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import './poll-chart.css';

interface Row {
  key: string;
  label: string;
  devices: number;
  room: number;
  correct: boolean;
}

function rowsOf(poll: Poll, tally: PollTally | undefined): Row[] {
  return answerChoices(poll).map((o) => ({
    key: o.id,
    label: o.label,
    devices: tally?.counts[o.id] ?? 0,
    room: tally?.siteCounts[o.id] ?? 0,
    correct: poll.correctOptionIds?.includes(o.id) ?? false,
  }));
}

/**
 * Live results as plain bars: answers from devices and show-of-hands counts from district rooms
 * side by side in one bar, in two colours, so everyone sees which is which.
 */
export function PollChart({
  poll,
  tally,
  large,
}: {
  poll: Poll;
  tally: PollTally | undefined;
  large?: boolean;
}) {
  const { t } = useTranslation();
  if (poll.kind === 'text')
    return (
      <div className="poll-chart" data-testid="poll-chart" data-poll-id={poll.id}>
        <p className="muted small">{t('live.polls.respondents', { count: tally?.respondents ?? 0 })}</p>
        {tally?.texts.length ? (
          <ul className="poll-texts">
            {tally.texts.map((text, i) => (
              <li key={i} data-testid="poll-text-answer">
                {text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('live.polls.noAnswers')}</p>
        )}
      </div>
    );

  const rows = rowsOf(poll, tally);
  const max = Math.max(1, ...rows.map((r) => r.devices + r.room));
  const sum = rows.reduce((n, r) => n + r.devices + r.room, 0);
  const showShare = poll.kind !== 'multiple' && sum > 0;
  const anyRoom = rows.some((r) => r.room > 0);
  return (
    <div
      className={`poll-chart${large ? ' poll-chart--large' : ''}`}
      data-testid="poll-chart"
      data-poll-id={poll.id}
    >
      <ul className="poll-bars">
        {rows.map((r) => {
          const total = r.devices + r.room;
          return (
            <li
              key={r.key}
              className={`poll-bar${r.correct ? ' poll-bar--correct' : ''}`}
              data-testid="poll-tally-bar"
              data-option={r.key}
              data-count={total}
              data-devices={r.devices}
              data-room={r.room}
            >
              <span className="poll-bar__label">
                {r.label}
                {r.correct && <span className="chip chip--ok poll-bar__correct">{t('polls.correct')}</span>}
              </span>
              <span className="poll-bar__track" aria-hidden="true">
                <span className="poll-bar__devices" style={{ width: `${(r.devices / max) * 100}%` }} />
                <span className="poll-bar__room" style={{ width: `${(r.room / max) * 100}%` }} />
              </span>
              <span className="poll-bar__count">
                {formatNumber(total)}
                {showShare && (
                  <span className="muted"> · {formatNumber(total / sum, { style: 'percent' })}</span>
                )}
                {r.room > 0 && (
                  <span className="visually-hidden">
                    {t('live.polls.split', { devices: r.devices, room: r.room })}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="poll-chart__legend small">
        <span className="poll-legend poll-legend--devices">
          {t('live.polls.devices', { count: tally?.respondents ?? 0 })}
        </span>
        {(anyRoom || (tally?.sitesReporting ?? 0) > 0) && (
          <span className="poll-legend poll-legend--room">
            {t('live.polls.roomCounts', { count: tally?.sitesReporting ?? 0 })}
          </span>
        )}
        {poll.kind === 'rating' && tally?.ratingMean != null && (
          <span data-testid="poll-rating-mean">
            {t('live.polls.mean', { value: formatNumber(tally.ratingMean, { maximumFractionDigits: 2 }) })}
          </span>
        )}
      </p>
    </div>
  );
}

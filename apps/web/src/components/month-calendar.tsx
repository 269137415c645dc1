import type { StudySession } from '@hallbridge/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber, formatTime, monthTitle, weekdayNames } from '../i18n/format';
import { addDays, dayKey, monthGridStart, sameDay } from '../lib/datetime';
import './month-calendar.css';

interface Props {
  month: Date;
  sessions: StudySession[];
  onMonthChange: (month: Date) => void;
}

/** A Monday-first month grid; each session sits on the day it starts, coloured by its state. */
export function MonthCalendar({ month, sessions, onMonthChange }: Props) {
  const { t, i18n } = useTranslation();
  const start = monthGridStart(month);
  const days = Array.from({ length: 42 }, (_, i) => addDays(start, i));
  const weeks = Array.from({ length: 6 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  const today = new Date();
  const byDay = useMemo(() => {
    const map = new Map<string, StudySession[]>();
    for (const s of sessions) {
      const key = dayKey(new Date(s.startsAt));
      map.set(key, [...(map.get(key) ?? []), s]);
    }
    return map;
  }, [sessions]);
  // Recomputed when the language changes: weekday names and month title follow it.
  const weekdays = useMemo(() => weekdayNames(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="calendar" aria-labelledby="calendar-title" data-testid="session-calendar">
      <header className="calendar__header">
        <button
          type="button"
          className="button button--small"
          onClick={() => onMonthChange(new Date(month.getFullYear(), month.getMonth() - 1, 1))}
        >
          <span aria-hidden="true">‹ </span>
          {t('calendar.previous')}
        </button>
        <h2 id="calendar-title" aria-live="polite" data-testid="calendar-title">
          {monthTitle(month)}
        </h2>
        <div className="calendar__nav-end">
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => onMonthChange(new Date(today.getFullYear(), today.getMonth(), 1))}
          >
            {t('calendar.today')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => onMonthChange(new Date(month.getFullYear(), month.getMonth() + 1, 1))}
          >
            {t('calendar.next')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      </header>
      <table className="calendar__grid">
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={dayKey(week[0]!)}>
              {week.map((day) => {
                const items = byDay.get(dayKey(day)) ?? [];
                const outside = day.getMonth() !== month.getMonth();
                return (
                  <td
                    key={dayKey(day)}
                    className={`calendar__day${outside ? ' calendar__day--outside' : ''}${sameDay(day, today) ? ' calendar__day--today' : ''}`}
                    data-date={dayKey(day)}
                  >
                    <span className="calendar__date" aria-label={formatDate(day)}>
                      {formatNumber(day.getDate())}
                    </span>
                    {items.map((s) => (
                      <Link
                        key={s.id}
                        to={`/sessions/${s.id}`}
                        className={`calendar__event calendar__event--${s.state}`}
                        title={`${s.title} · ${t(`sessionState.${s.state}`)}`}
                      >
                        <span className="calendar__time">{formatTime(s.startsAt)}</span> {s.title}
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

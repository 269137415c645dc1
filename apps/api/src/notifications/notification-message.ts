import type { NotificationKind, SessionMode } from '@hallbridge/contracts';
import { isReflectionReminder } from '@hallbridge/domain';
import { translatorFor } from '../common/i18n/translate';
import type { OutgoingMessage } from './channels/message-channel';

export interface MessageFacts {
  id: string;
  kind: NotificationKind;
  locale: 'vi' | 'en';
  to: string;
  memberId: string;
  memberName: string;
  sessionId: string;
  title: string;
  hostUnitName: string;
  mode: SessionMode;
  startsAt: Date;
  /** The time the session had before it moved (rescheduled notices). */
  previousStartsAt: Date | null;
  cancelReason: string | null;
  /** The reflection deadline (reflection reminders). */
  deadline?: Date | null;
  link: string;
  timeZone: string;
}

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** 08:00, thứ Năm 10/12/2026 in the organisation's time zone and the member's language. */
export function formatWhen(at: Date, locale: 'vi' | 'en', timeZone: string): string {
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const long = new Intl.DateTimeFormat(tag, { timeZone, weekday: 'long' }).format(at);
  // Mid-sentence Vietnamese writes "thứ Sáu", not "Thứ Sáu".
  const weekday = locale === 'vi' ? long.charAt(0).toLowerCase() + long.slice(1) : long;
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
  return translatorFor(locale)('notifications.messages.when', { time, weekday, date }) as string;
}

/** The message in the member's language, from the templates of the i18n catalogue (notifications.messages). */
export function renderMessage(f: MessageFacts): OutgoingMessage {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translatorFor(f.locale)(`notifications.messages.${key}`, params) as string;
  const params = {
    name: f.memberName,
    title: f.title,
    host: f.hostUnitName,
    mode: translatorFor(f.locale)(`sessionMode.${f.mode}`) as string,
    when: formatWhen(f.startsAt, f.locale, f.timeZone),
    oldWhen: f.previousStartsAt ? formatWhen(f.previousStartsAt, f.locale, f.timeZone) : '',
    reason: f.cancelReason ?? '',
    deadline: f.deadline ? formatWhen(f.deadline, f.locale, f.timeZone) : '',
    link: f.link,
  };
  // A reflection reminder's link opens the reflection, and says so.
  const own = isReflectionReminder(f.kind) ? `${f.kind}.` : '';
  const linkIntro = t(`${own}linkIntro`, params);
  const open = t(`${own}open`, params);
  const lead = t(`${f.kind}.lead`, params);
  const reason = f.kind === 'cancelled' && f.cancelReason ? t('cancelled.reason', params) : null;
  const withLink = f.kind !== 'cancelled';
  const text = [
    t('greeting', params),
    '',
    lead,
    ...(reason ? ['', reason] : []),
    ...(withLink ? ['', linkIntro, f.link] : []),
    '',
    '-- ',
    t('footer'),
  ].join('\n');
  const paragraph = (s: string) => `<p style="margin:0 0 16px">${escape(s)}</p>`;
  const button = withLink
    ? `<p style="margin:0 0 8px">${escape(linkIntro)}</p>` +
      `<p style="margin:0 0 16px"><a href="${escape(f.link)}" style="display:inline-block;background:#a51d24;color:#ffffff;padding:12px 20px;border-radius:6px;font-weight:bold;text-decoration:none">${escape(open)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#444;word-break:break-all"><a href="${escape(f.link)}" style="color:#8a1419">${escape(f.link)}</a></p>`
    : '';
  const html =
    `<!doctype html><html lang="${f.locale}"><head><meta charset="utf-8"><title>${escape(t(`${f.kind}.subject`, params))}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f6f3ee;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d1d1f">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-top:4px solid #a51d24;padding:24px">` +
    paragraph(t('greeting', params)) +
    paragraph(lead) +
    (reason ? paragraph(reason) : '') +
    button +
    `<p style="margin:24px 0 0;font-size:12px;color:#555">${escape(t('footer'))}</p>` +
    `</div></body></html>`;
  return {
    id: f.id,
    kind: f.kind,
    locale: f.locale,
    to: f.to,
    sessionId: f.sessionId,
    memberId: f.memberId,
    link: f.link,
    subject: t(`${f.kind}.subject`, params),
    text,
    html,
    short: t(`${f.kind}.short`, params),
  };
}

import i18next from 'i18next';

const tag = () => (i18next.language === 'en' ? 'en-GB' : 'vi-VN');

/** Dates, times and numbers follow the interface language. */
export const formatDateTime = (iso: string | Date) =>
  new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatDate = (iso: string | Date) =>
  new Intl.DateTimeFormat(tag(), { dateStyle: 'full' }).format(new Date(iso));

export const formatTime = (iso: string | Date) =>
  new Intl.DateTimeFormat(tag(), { timeStyle: 'short' }).format(new Date(iso));

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(tag(), options).format(n);

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;

export const monthTitle = (d: Date) =>
  new Intl.DateTimeFormat(tag(), { month: 'long', year: 'numeric' }).format(d);

export const weekdayNames = () => {
  const monday = new Date(2024, 0, 1);
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(tag(), { weekday: 'short' }).format(new Date(monday.getTime() + i * 86400000)),
  );
};

import type { PersonalLink } from '@hallbridge/contracts';
import { toString as qrSvg } from 'qrcode';
import { translatorFor } from '../common/i18n/translate';

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

// Eight slips per A4 page (2 × 4), with dashed lines to cut along.
const STYLE = `
  @page { size: A4; margin: 10mm; }
  * { box-sizing: border-box; }
  body { font-family: "Times New Roman", Times, serif; color: #000; margin: 0; }
  header { text-align: center; margin: 0 0 4mm; }
  header h1 { font-size: 14pt; margin: 0; text-transform: uppercase; }
  header p { margin: 1mm 0 0; font-size: 11pt; }
  .sheet { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .slip { height: 62mm; padding: 4mm; border: 1px dashed #777; margin: 0 -1px -1px 0; display: grid;
    grid-template-columns: 34mm minmax(0, 1fr); grid-template-rows: 1fr auto; column-gap: 4mm; row-gap: 2mm;
    align-items: center; break-inside: avoid; page-break-inside: avoid; overflow: hidden; }
  .slip svg { width: 34mm; height: 34mm; display: block; }
  .name { font-size: 13pt; font-weight: bold; margin: 0 0 1mm; }
  .unit { font-size: 10pt; margin: 0 0 2mm; }
  .hint { font-size: 8.5pt; margin: 0; color: #222; }
  .link { grid-column: 1 / -1; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9pt;
    white-space: nowrap; overflow: hidden; text-overflow: clip; margin: 0; text-align: center; }
  .empty { text-align: center; }
  @media screen { body { padding: 10mm; max-width: 210mm; margin: 0 auto; } }
`;

/** A branch's personal links on paper: one slip per member, with its QR code and the link to type. */
export async function renderQrSheet(
  locale: 'vi' | 'en',
  sheet: { organisationName: string; unitName: string; links: PersonalLink[] },
): Promise<string> {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translatorFor(locale)(`notifications.sheet.${key}`, params) as string;
  const slips = await Promise.all(
    sheet.links.map(async (l) => {
      const svg = await qrSvg(l.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return `<section class="slip" data-testid="qr-slip" data-member-id="${escape(l.memberId)}">
        <div role="img" aria-label="${escape(t('qrAlt', { name: l.fullName }))}">${svg}</div>
        <div><p class="name">${escape(l.fullName)}</p><p class="unit">${escape(l.unitName)}</p>
        <p class="hint">${escape(t('instruction'))} ${escape(t('keep'))}</p></div>
        <p class="link">${escape(l.shortUrl)}</p>
      </section>`;
    }),
  );
  const title = `${t('title')} — ${sheet.unitName}`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head><body>
    <header><h1>${escape(t('title'))}</h1><p>${escape(sheet.organisationName)}</p>
    <p>${escape(t('subtitle', { unit: sheet.unitName, count: sheet.links.length }))}</p></header>
    ${slips.length ? `<main class="sheet">${slips.join('')}</main>` : `<p class="empty">${escape(t('empty'))}</p>`}
  </body></html>`;
}

import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA, the level public-sector sites are held to. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The smallest touch target on a phone (WCAG 2.5.5, and Apple's and Android's guidance). */
export const MIN_TOUCH_PX = 44;

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  /** What failed, in a few words a developer can find in the page. */
  where: string[];
}

/** Serious and critical WCAG 2.1 AA violations axe-core finds on the page as it is now. */
export async function axeFindings(page: Page, name: string): Promise<Finding[]> {
  // Passes are only counted, not described: that is most of axe's time on a large page.
  const result = await new AxeBuilder({ page })
    .withTags(WCAG_21_AA)
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
  const findings = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      rule: v.id,
      impact: v.impact ?? '',
      where: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
  // axe leaves text in the colour of its background (1:1) for a person to judge, since it may be
  // hidden on purpose; on our pages it is always a mistake (white names on a white card).
  const invisible = result.incomplete
    .filter((v) => v.id === 'color-contrast')
    .flatMap((v) => v.nodes)
    .filter((n) =>
      n.any.some((check) => (check.data as { messageKey?: string })?.messageKey === 'equalRatio'),
    );
  if (invisible.length)
    findings.push({
      page: name,
      rule: 'color-contrast (text in its background colour)',
      impact: 'serious',
      where: invisible.slice(0, 5).map((n) => `${n.target.join(' ')} "${n.html.slice(0, 80)}"`),
    });
  return findings;
}

/**
 * Controls a finger cannot hit reliably: anything clickable smaller than 44 × 44 CSS pixels. A
 * checkbox or radio button counts with its label (tapping the label works); links inside a
 * sentence are exempt, as WCAG exempts inline targets.
 */
export async function smallTouchTargets(page: Page, name: string): Promise<Finding[]> {
  const small = await page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"]',
    );
    const out: string[] = [];
    for (const el of Array.from(controls)) {
      if ((el as HTMLButtonElement).disabled) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const label = el.closest('label');
      const target = label && (el as HTMLInputElement).type?.match(/checkbox|radio/) ? label : el;
      const box = target.getBoundingClientRect();
      // Visually hidden helpers (1 px) and elements out of the layout are not targets.
      if (box.width <= 1 || box.height <= 1) continue;
      const inline =
        el.tagName === 'A' &&
        Array.from(el.parentElement?.childNodes ?? []).some(
          (n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
        );
      if (inline) continue;
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const what =
          el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30);
        out.push(`${el.tagName.toLowerCase()} "${what}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return out;
  }, MIN_TOUCH_PX);
  return small.length ? [{ page: name, rule: 'touch-target-44px', impact: 'serious', where: small }] : [];
}

/**
 * The route patterns of the web app (apps/web/src/app.tsx), nested paths joined: what an audit
 * that claims to visit every page must cover.
 */
export function webRoutes(): string[] {
  const source = readFileSync(join(__dirname, '..', '..', 'apps', 'web', 'src', 'app.tsx'), 'utf8');
  const routes = new Set<string>();
  const stack: string[] = [];
  let at = 0;
  for (;;) {
    const open = source.indexOf('<Route', at);
    const close = source.indexOf('</Route>', at);
    if (open < 0 && close < 0) break;
    if (close >= 0 && (open < 0 || close < open)) {
      stack.pop();
      at = close + 8;
      continue;
    }
    // The tag ends at the first ">" outside braces (element={<Page />} holds one).
    let depth = 0;
    let end = open + 6;
    for (; end < source.length; end++) {
      const c = source[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    const attrs = source.slice(open + 6, end);
    const path = /\bpath="([^"]*)"/.exec(attrs)?.[1];
    if (path !== undefined || /\bindex\b/.test(attrs))
      routes.add(`/${[...stack, path ?? ''].filter(Boolean).join('/')}`);
    if (!attrs.trimEnd().endsWith('/')) stack.push(path ?? '');
    at = end + 1;
  }
  return [...routes];
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlideDriver } from '../hooks/use-slide-driver';

/** Previous, next, the page indicator and "go to page", for whoever drives the slides. */
export function SlideControlsBar({ driver, readOnly }: { driver: SlideDriver; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const { page, pageCount, canDrive, goPage } = driver;
  const off = !canDrive || pageCount < 1;
  const indicator = (
    <span
      className="slide-controls__page"
      data-testid="slide-page-indicator"
      data-page={page}
      data-pages={pageCount}
      aria-live="polite"
    >
      {pageCount > 0 ? t('live.slides.pageOf', { page, count: pageCount }) : '—'}
    </span>
  );
  // Those who only watch see where the room is, without buttons they cannot use.
  if (readOnly) return <div className="slide-controls">{indicator}</div>;
  return (
    <div className="slide-controls" role="group" aria-label={t('live.slides.controls')}>
      <button
        type="button"
        className="button button--large"
        onClick={() => goPage(page - 1)}
        disabled={off || page <= 1}
        data-testid="slide-prev"
        aria-label={t('live.slides.previous')}
      >
        <span aria-hidden="true">◀</span> {t('live.slides.previousShort')}
      </button>
      {indicator}
      <button
        type="button"
        className="button button--large button--primary"
        onClick={() => goPage(page + 1)}
        disabled={off || page >= pageCount}
        data-testid="slide-next"
        aria-label={t('live.slides.next')}
      >
        {t('live.slides.nextShort')} <span aria-hidden="true">▶</span>
      </button>
      <form
        className="slide-controls__goto"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(target);
          if (Number.isInteger(n) && n >= 1) goPage(n);
          setTarget('');
        }}
      >
        <label className="visually-hidden" htmlFor="slide-goto">
          {t('live.slides.goTo')}
        </label>
        <input
          id="slide-goto"
          type="number"
          inputMode="numeric"
          min={1}
          max={pageCount || undefined}
          placeholder={t('live.slides.goToPlaceholder')}
          value={target}
          disabled={off}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="slide-goto-input"
        />
        <button type="submit" className="button" disabled={off || !target} data-testid="slide-goto-submit">
          {t('live.slides.goTo')}
        </button>
      </form>
    </div>
  );
}

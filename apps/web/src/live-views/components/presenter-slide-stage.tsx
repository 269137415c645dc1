import type { LivePointer } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { usePointerSender } from '../hooks/use-pointer-sender';
import type { SlideDriver } from '../hooks/use-slide-driver';
import { useSlideKeys } from '../hooks/use-slide-keys';
import { SlideControlsBar } from './slide-controls-bar';
import { SlideView } from './slide-view';
import { SpeakerNotesPanel } from './speaker-notes-panel';

interface PresenterSlideStageProps {
  driver: SlideDriver;
  connection: LiveConnection | null;
  pointer: LivePointer;
  /** Those who run the room get the notes and the controls; others watch. */
  runs: boolean;
}

/** The current slide large (with the pointer), the next one small, the notes and the controls. */
export function PresenterSlideStage({ driver, connection, pointer, runs }: PresenterSlideStageProps) {
  const { t } = useTranslation();
  const [pointerOn, setPointerOn] = useState(true);
  const { deckId, page, deck, pageCount, canDrive, goPage } = driver;
  useSlideKeys(canDrive, page, pageCount, goPage);
  const pointerHandlers = usePointerSender(connection, canDrive && pointerOn);
  const hasNext = deckId !== null && page < pageCount;
  return (
    <section className="presenter-stage" aria-label={t('live.slides.title')} data-testid="presenter-stage">
      <div className="presenter-stage__current">
        <SlideView
          deckId={deckId}
          page={page}
          deck={deck}
          pointer={pointer}
          preload
          frameProps={pointerHandlers}
          className={canDrive && pointerOn ? 'slide-frame--pointing' : undefined}
          empty={t('live.slides.chooseDeck')}
        />
        <SlideControlsBar driver={driver} readOnly={!runs} />
        {canDrive && (
          <p className="muted small presenter-stage__hint">
            {t('live.slides.keysHint')}{' '}
            <label className="check presenter-stage__pointer-toggle">
              <input
                type="checkbox"
                checked={pointerOn}
                onChange={(e) => setPointerOn(e.target.checked)}
                data-testid="pointer-toggle"
              />
              {t('live.slides.pointer')}
            </label>
          </p>
        )}
      </div>
      <aside className="presenter-stage__side">
        <div>
          <h3 className="section-title">{t('live.slides.nextSlide')}</h3>
          {hasNext ? (
            <SlideView deckId={deckId} page={page + 1} deck={deck} testId="next-slide-image" />
          ) : (
            <p className="muted small" data-testid="next-slide-none">
              {deckId ? t('live.slides.lastPage') : '—'}
            </p>
          )}
        </div>
        {runs && <SpeakerNotesPanel deck={deck} page={page} enabled={runs} />}
      </aside>
    </section>
  );
}

import type { Deck, LivePointer } from '@hallbridge/contracts';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlideImage } from '../hooks/use-slide-image';
import './slide-view.css';

interface SlideViewProps {
  deckId: string | null;
  page: number;
  /** For the page's shape before it loads, and to fetch the next pages ahead. */
  deck?: Deck | null;
  pointer?: LivePointer;
  /** Main slides fetch ahead; the "next slide" preview and thumbnails do not. */
  preload?: boolean;
  testId?: string;
  /** What to show when no deck is on screen. */
  empty?: ReactNode;
  /** Pointer handlers (the presenter's view sends the pointer from here). */
  frameProps?: HTMLAttributes<HTMLDivElement>;
  className?: string;
}

/**
 * One deck page as an image fetched with the viewer's token, with the presenter's pointer on top.
 * `data-page`/`data-deck` on the image say what is actually on screen (not what is loading).
 */
export function SlideView({
  deckId,
  page,
  deck,
  pointer,
  preload,
  testId = 'slide-image',
  empty,
  frameProps,
  className,
}: SlideViewProps) {
  const { t } = useTranslation();
  const { shown, loading, failed } = useSlideImage(
    deckId,
    page,
    'page',
    preload ? (deck?.pageCount ?? 0) : 0,
  );
  const ratio = deck?.pageWidth && deck.pageHeight ? deck.pageWidth / deck.pageHeight : 16 / 9;
  return (
    <div
      {...frameProps}
      className={`slide-frame${className ? ` ${className}` : ''}`}
      style={{ '--slide-ratio': ratio } as CSSProperties}
      data-testid={`${testId}-frame`}
    >
      {shown ? (
        <img
          className="slide-frame__image"
          src={shown.url}
          alt={t('live.slides.imageAlt', { page: shown.page })}
          draggable={false}
          data-testid={testId}
          data-deck={shown.deckId}
          data-page={shown.page}
          data-loading={loading ? 'true' : 'false'}
        />
      ) : (
        <div className="slide-frame__empty">
          {deckId
            ? failed
              ? t('live.slides.failed')
              : t('common.loading')
            : (empty ?? t('live.slides.none'))}
        </div>
      )}
      {pointer && shown && (
        <span
          className="slide-pointer"
          style={{ left: `${pointer.x * 100}%`, top: `${pointer.y * 100}%` }}
          aria-hidden="true"
          data-testid="slide-pointer"
        />
      )}
    </div>
  );
}

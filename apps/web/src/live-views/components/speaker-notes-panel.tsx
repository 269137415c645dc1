import type { Deck } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useDeckNotes } from '../hooks/use-deck-notes';

/** The notes of the page on screen, when the deck has any (PowerPoint speaker notes). */
export function SpeakerNotesPanel({
  deck,
  page,
  enabled,
}: {
  deck: Deck | null;
  page: number;
  enabled: boolean;
}) {
  const { t } = useTranslation();
  const notes = useDeckNotes(deck?.id ?? null, enabled && !!deck?.hasNotes);
  const text = notes.data?.pages.find((p) => p.page === page)?.text;
  return (
    <section className="speaker-notes" aria-labelledby="speaker-notes-title" data-testid="speaker-notes">
      <h3 id="speaker-notes-title" className="section-title">
        {t('live.slides.notes')}
      </h3>
      <p className={`prewrap${text ? '' : ' muted'}`} data-testid="speaker-notes-text">
        {text ??
          (deck?.hasNotes
            ? notes.isLoading
              ? t('common.loading')
              : t('live.slides.noNotesHere')
            : t('live.slides.noNotes'))}
      </p>
    </section>
  );
}

import { DECK_MAX_BYTES } from '@hallbridge/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { FilePicker } from '../../components/file-picker';
import { formatBytes, formatNumber } from '../../i18n/format';
import { useDeckUpload } from '../hooks/use-deck-upload';

/** Uploads a PDF, PPTX or ODP deck with a progress bar; the conversion then shows in the deck list. */
export function DeckUploadField({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { upload, uploading, error, reset } = useDeckUpload(sessionId);
  const [tooLarge, setTooLarge] = useState(false);
  return (
    <div className="deck-upload stack stack--tight">
      <FilePicker
        ref={input}
        small
        accept=".pdf,.pptx,.odp,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.oasis.opendocument.presentation"
        buttonLabel={uploading ? t('live.decks.uploading') : t('live.decks.upload')}
        aria-label={t('live.decks.upload')}
        disabled={!!uploading}
        testId="deck-upload-input"
        onFile={(file) => {
          if (input.current) input.current.value = '';
          reset();
          setTooLarge(false);
          if (!file) return;
          if (file.size > DECK_MAX_BYTES) return setTooLarge(true);
          void upload(file);
        }}
      />
      <p className="muted small">{t('live.decks.uploadHint', { limit: formatBytes(DECK_MAX_BYTES) })}</p>
      {uploading && (
        <div
          className="deck-progress"
          data-testid="deck-upload-progress"
          data-progress={uploading.sent.toFixed(2)}
        >
          <span className="small">
            {t('live.decks.sending', {
              name: uploading.fileName,
              percent: formatNumber(uploading.sent, { style: 'percent' }),
            })}
          </span>
          <progress max={1} value={uploading.sent} />
        </div>
      )}
      {tooLarge && (
        <p className="alert alert--error" role="alert">
          {t('materials.tooLarge', { limit: formatBytes(DECK_MAX_BYTES) })}
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}

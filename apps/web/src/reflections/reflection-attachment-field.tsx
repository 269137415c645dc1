import type { Reflection, ReflectionAttachment } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { FilePicker } from '../components/file-picker';
import { formatBytes } from '../i18n/format';
import { attachToReflection, detachFromReflection } from './reflections-api';

const ACCEPT = '.pdf,.docx,.jpg,.jpeg,.png,.webp,application/pdf,image/*';

/** The optional attachment: one file, replaced by the next; the server checks what it really is. */
export function ReflectionAttachmentField({
  sessionId,
  attachment,
  onChange,
}: {
  sessionId: string;
  attachment: ReflectionAttachment | null;
  /** The reflection after an upload, or null after a removal. */
  onChange: (reflection: Reflection | null) => void;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.write' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<Reflection | null>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await work());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="stack stack--tight" aria-labelledby="reflection-attachment">
      <h2 id="reflection-attachment" className="section-title">
        {t('attachment')}
      </h2>
      <p className="muted small">{t('attachmentHint')}</p>
      {attachment && (
        <p data-testid="reflection-attachment-name">
          {attachment.fileName} <span className="muted">({formatBytes(attachment.size)})</span>{' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await detachFromReflection(sessionId);
                return null;
              })
            }
          >
            {t('removeAttachment')}
          </button>
        </p>
      )}
      <FilePicker
        accept={ACCEPT}
        buttonLabel={t('attach')}
        disabled={busy}
        testId="reflection-attachment-input"
        onFile={(file) => file && void run(() => attachToReflection(sessionId, file))}
      />
      <ErrorAlert error={error} />
    </section>
  );
}

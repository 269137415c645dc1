import type { Material } from '@hallbridge/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/errors';
import { download } from '../api/http';
import { useDeleteMaterial, useUploadMaterial } from '../api/sessions';
import { formatBytes, formatDateTime } from '../i18n/format';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorAlert } from './error-alert';
import { FilePicker } from './file-picker';
import './materials-panel.css';

/** The server's limit; checked here too so a large file is refused before it is sent. */
const MAX_BYTES = 50 * 1024 * 1024;

interface Props {
  sessionId: string;
  materials: Material[];
  canUpload: boolean;
  canDelete: boolean;
  /** Members get larger buttons on their phones. */
  large?: boolean;
}

export function MaterialsPanel({ sessionId, materials, canUpload, canDelete, large }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const upload = useUploadMaterial();
  const remove = useDeleteMaterial();
  const input = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<Material | null>(null);

  return (
    <section className="panel stack" aria-labelledby="materials-title" data-testid="materials">
      <div className="panel__header">
        <h2 id="materials-title">{t('materials.title')}</h2>
        {canUpload && (
          <FilePicker
            ref={input}
            small
            accept=".pdf,.doc,.docx,.odt,.ppt,.pptx,.odp,.xlsx,.txt,.jpg,.jpeg,.png"
            buttonLabel={upload.isPending ? t('materials.uploading') : t('materials.upload')}
            aria-label={t('materials.upload')}
            disabled={upload.isPending}
            testId="material-file"
            onFile={(file) => {
              if (input.current) input.current.value = '';
              upload.reset();
              setTooLarge(false);
              if (!file) return;
              if (file.size > MAX_BYTES) return setTooLarge(true);
              upload.mutate({ sessionId, file });
            }}
          />
        )}
      </div>
      {canUpload && <p className="muted small">{t('materials.hint')}</p>}
      {tooLarge && (
        <p className="alert alert--error" role="alert">
          {t('materials.tooLarge', { limit: formatBytes(MAX_BYTES) })}
        </p>
      )}
      <ErrorAlert error={upload.error} />
      {downloadError ? (
        <p className="alert alert--error" role="alert">
          {errorText(downloadError)}
        </p>
      ) : null}
      {materials.length === 0 ? (
        <p className="empty-state">{t('materials.empty')}</p>
      ) : (
        <ul className={`material-list${large ? ' material-list--large' : ''}`}>
          {materials.map((m) => (
            <li key={m.id} className="material" data-testid="material-item">
              <span className="material__icon" aria-hidden="true">
                {m.fileName.split('.').pop()?.toUpperCase().slice(0, 4)}
              </span>
              <span className="material__body">
                <span className="material__name">{m.fileName}</span>
                <span className="muted small">
                  {formatBytes(m.size)} · {formatDateTime(m.createdAt)}
                </span>
              </span>
              <button
                type="button"
                className={`button ${large ? 'button--primary' : 'button--small'}`}
                aria-label={t('materials.downloadAria', { name: m.fileName })}
                onClick={() => {
                  setDownloadError(null);
                  download(`/materials/${m.id}/download`, m.fileName).catch(setDownloadError);
                }}
              >
                {t('materials.download')}
              </button>
              {canDelete && (
                <button
                  type="button"
                  className="button button--small button--ghost button--danger-text"
                  aria-label={t('materials.deleteAria', { name: m.fileName })}
                  onClick={() => setDeleting(m)}
                >
                  {t('common.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('materials.deleteTitle')}
          message={t('materials.deleteMessage', { name: deleting.fileName })}
          confirmLabel={t('common.delete')}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
        />
      )}
    </section>
  );
}

import type { Deck } from '@hallbridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/errors';
import { http } from '../../api/http';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatNumber } from '../../i18n/format';
import type { SlideDriver } from '../hooks/use-slide-driver';
import { decksKey } from '../hooks/use-session-decks';
import { DeckUploadField } from './deck-upload-field';

interface DeckPickerPanelProps {
  sessionId: string;
  decks: readonly Deck[];
  loadError: unknown;
  driver: SlideDriver;
  /** Presenters and managing organisers upload and remove decks. */
  canManage: boolean;
}

/** The session's decks: pick one to show, follow a conversion, upload another. */
export function DeckPickerPanel({ sessionId, decks, loadError, driver, canManage }: DeckPickerPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Deck | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => http.delete(`/decks/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: decksKey(sessionId) }),
  });
  return (
    <section className="panel stack" aria-labelledby="decks-title" data-testid="deck-picker">
      <div className="panel__header">
        <h2 id="decks-title">{t('live.decks.title')}</h2>
      </div>
      {loadError ? <p className="alert alert--error">{errorText(loadError)}</p> : null}
      {decks.length === 0 ? (
        <p className="muted">{t('live.decks.empty')}</p>
      ) : (
        <ul className="deck-list">
          {decks.map((d) => {
            const current = d.id === driver.deckId;
            return (
              <li
                key={d.id}
                className={`deck-row${current ? ' deck-row--current' : ''}`}
                data-testid="deck-row"
                data-deck-id={d.id}
                data-status={d.status}
              >
                <span className="deck-row__body">
                  <span className="deck-row__title">{d.title}</span>
                  <span className="muted small">
                    {d.sourceKind.toUpperCase()} ·{' '}
                    {d.status === 'ready'
                      ? t('live.decks.pages', { count: d.pageCount ?? 0 })
                      : t(`live.decks.status.${d.status}`)}
                    {current && ` · ${t('live.decks.onScreen')}`}
                  </span>
                  {(d.status === 'queued' || d.status === 'converting') && (
                    <span
                      className="deck-progress"
                      data-testid="deck-progress"
                      data-progress={d.progress.toFixed(2)}
                    >
                      <progress
                        max={1}
                        value={d.progress}
                        aria-label={t('live.decks.converting', { name: d.title })}
                      />
                      <span className="small">{formatNumber(d.progress, { style: 'percent' })}</span>
                    </span>
                  )}
                  {d.status === 'failed' && d.error && (
                    <span className="field__error" data-testid="deck-error">
                      {d.error.message}
                    </span>
                  )}
                </span>
                <span className="deck-row__actions">
                  {d.status === 'ready' && driver.canDrive && !current && (
                    <button
                      type="button"
                      className="button button--small button--primary"
                      onClick={() => driver.go({ deckId: d.id, page: 1 })}
                      data-testid="deck-show"
                    >
                      {t('live.decks.show')}
                    </button>
                  )}
                  {canManage && !current && (
                    <button
                      type="button"
                      className="button button--small button--ghost button--danger-text"
                      onClick={() => setRemoving(d)}
                      aria-label={t('live.decks.deleteAria', { name: d.title })}
                      data-testid="deck-delete"
                    >
                      {t('common.delete')}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {canManage && <DeckUploadField sessionId={sessionId} />}
      {removing && (
        <ConfirmDialog
          title={t('live.decks.deleteTitle')}
          message={t('live.decks.deleteMessage', { name: removing.title })}
          confirmLabel={t('common.delete')}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
          onClose={() => {
            remove.reset();
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

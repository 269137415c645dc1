import type { Member } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CopyButton } from '../components/copy-button';
import { Modal } from '../components/modal';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../i18n/format';
import { usePersonalLink, useRotatePersonalLink } from './notifications-api';
import './notifications.css';

/** A member's personal link for the secretary: copy it, or rotate it when it got into wrong hands. */
export function PersonalLinkDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications.personal' });
  const link = usePersonalLink(member.id);
  const rotate = useRotatePersonalLink(member.id);
  const [confirming, setConfirming] = useState(false);
  if (confirming)
    return (
      <ConfirmDialog
        title={t('rotateTitle', { name: member.fullName })}
        message={t('rotateText')}
        confirmLabel={t('rotate')}
        danger
        pending={rotate.isPending}
        error={rotate.error}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    );
  return (
    <Modal title={`${t('title')}: ${member.fullName}`} onClose={onClose} testId="personal-link-dialog">
      <div className="stack">
        <p className="muted small">{t('intro')}</p>
        <QueryState loading={link.isLoading} error={link.error}>
          {link.data && (
            <>
              <p className="personal-link mono" data-testid="personal-link-url">
                {link.data.url}
              </p>
              <p className="muted small">
                {t('createdAt', { at: formatDateTime(link.data.createdAt) })}
                {link.data.createdBy ? ` — ${link.data.createdBy}` : ''}
              </p>
              {rotate.isSuccess && (
                <p className="alert alert--success" role="status">
                  {t('rotated')}
                </p>
              )}
              <div className="toolbar">
                <CopyButton
                  text={link.data.url}
                  label={t('copy')}
                  className="button"
                  testId="personal-link-copy"
                />
                <button
                  type="button"
                  className="button button--danger-text"
                  data-testid="personal-link-rotate"
                  onClick={() => setConfirming(true)}
                >
                  {t('rotate')}
                </button>
              </div>
            </>
          )}
        </QueryState>
      </div>
    </Modal>
  );
}

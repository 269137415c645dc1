import type { Site } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { Modal } from './modal';

/** The 8-digit code, large enough to read out over the phone to whoever stands at the room's screen. */
export function PairingCodeDialog({ site, onClose }: { site: Site; onClose: () => void }) {
  const { t } = useTranslation();
  const code = site.pairingCode ?? '';
  return (
    <Modal
      title={t('sites.pairingTitle', { name: site.name })}
      onClose={onClose}
      testId="pairing-code-dialog"
    >
      <div className="stack pairing">
        <p>{t('sites.pairingIntro')}</p>
        <p
          className="pairing__code"
          data-testid="pairing-code"
          aria-label={t('sites.pairingCodeAria', { code: code.split('').join(' ') })}
        >
          <span>{code.slice(0, 4)}</span>
          <span>{code.slice(4)}</span>
        </p>
        {site.pairingExpiresAt && (
          <p className="muted">{t('sites.pairingExpires', { at: formatDateTime(site.pairingExpiresAt) })}</p>
        )}
        <p className="muted small">{t('sites.pairingHowTo', { path: `${window.location.origin}/site` })}</p>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('common.done')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

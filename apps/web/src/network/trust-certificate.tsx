import type { NetworkInfo } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import './trust-certificate.css';

const platforms = ['android', 'ios', 'windows', 'rooms'] as const;

/**
 * The local CA's root certificate with what a person needs to install it on each kind of device:
 * the download, the plain-HTTP address for a device that does not trust the server yet, the
 * fingerprint to compare, and the steps for Android, iOS, Windows and room screens.
 */
export function TrustCertificate({
  ca,
  headingLevel = 2,
}: {
  ca: NonNullable<NetworkInfo['ca']>;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section
      className="trust-certificate stack"
      data-testid="trust-certificate"
      aria-labelledby="trust-certificate-title"
    >
      <Heading id="trust-certificate-title">{t('network.trust.title')}</Heading>
      <p>{t('network.trust.why')}</p>
      <a
        className="button button--primary"
        href={ca.downloadUrl}
        download="hallbridge-ca.crt"
        data-testid="trust-certificate-download"
      >
        {t('network.trust.download')}
      </a>
      <p className="muted">
        {t('network.trust.plainLink')}{' '}
        <code data-testid="trust-certificate-plain">{ca.plainDownloadUrl}</code>
      </p>
      <dl className="trust-certificate__facts">
        <dt>{t('network.trust.name')}</dt>
        <dd>{ca.commonName}</dd>
        <dt>{t('network.trust.validUntil')}</dt>
        <dd>{formatDate(ca.notAfter)}</dd>
        <dt>{t('network.trust.fingerprint')}</dt>
        <dd>
          <code className="trust-certificate__fingerprint" data-testid="trust-certificate-fingerprint">
            {ca.fingerprint}
          </code>
        </dd>
      </dl>
      <Sub>{t('network.trust.stepsTitle')}</Sub>
      {platforms.map((platform) => (
        <details
          key={platform}
          className="trust-certificate__platform"
          data-testid={`trust-steps-${platform}`}
        >
          <summary>{t(`network.trust.${platform}.title`)}</summary>
          <ol>
            {(t(`network.trust.${platform}.steps`, { returnObjects: true }) as string[]).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}

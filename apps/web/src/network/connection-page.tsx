import { useTranslation } from 'react-i18next';
import { useNetworkInfo } from '../api/network';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { TrustCertificate } from './trust-certificate';

/** Organisers: the address people open, how it is secured, and the CA to hand out to devices. */
export function ConnectionPage() {
  const { t } = useTranslation();
  const network = useNetworkInfo();
  const info = network.data;
  return (
    <>
      <PageHeader title={t('network.settingsTitle')} subtitle={t('network.settingsSubtitle')} />
      <QueryState loading={network.isLoading} error={network.error}>
        {info && (
          <div className="stack stack--loose">
            <section className="panel stack" aria-labelledby="connection-address">
              <h2 id="connection-address">{t('network.address')}</h2>
              <p>
                <code data-testid="connection-public-url">{info.publicUrl}</code>
              </p>
              <p className="muted">{t('network.addressHint')}</p>
              <p data-testid="connection-tls">{t(`network.tls.${info.tls}`)}</p>
            </section>
            {info.ca && (
              <div className="panel">
                <TrustCertificate ca={info.ca} />
              </div>
            )}
          </div>
        )}
      </QueryState>
    </>
  );
}

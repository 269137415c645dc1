import { Inject, Injectable } from '@nestjs/common';
import { CA_CERT_PATH, type NetworkInfo } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** What the first-run page and the organiser's settings show about reaching this install. */
@Injectable()
export class NetworkService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  info(): NetworkInfo {
    const { publicUrl, network } = this.config;
    const pem = this.caPem();
    if (!pem) return { publicUrl, tls: network.tls, ca: null };
    const cert = new X509Certificate(pem);
    const plain = new URL(publicUrl);
    plain.protocol = 'http:';
    plain.port = '';
    return {
      publicUrl,
      tls: network.tls,
      ca: {
        commonName: cert.subject.match(/CN=([^\n]+)/)?.[1] ?? cert.subject,
        fingerprint: cert.fingerprint256,
        notAfter: new Date(cert.validTo).toISOString(),
        downloadUrl: `${publicUrl}${CA_CERT_PATH}`,
        plainDownloadUrl: `${plain.origin}${CA_CERT_PATH}`,
      },
    };
  }

  /** The root certificate, PEM; NOT_FOUND when this install has no local CA. */
  caCertificate(): string {
    const pem = this.caPem();
    if (!pem) throw new DomainError('NOT_FOUND', { entity: 'certificate' });
    return pem;
  }

  private caPem(): string | null {
    const file = this.config.network.caCertFile;
    // The front creates its CA when it first starts, possibly a moment after the app.
    return file && existsSync(file) ? readFileSync(file, 'utf8') : null;
  }
}

import { z } from 'zod';

/** How people reach this install, and the local CA their devices must trust when there is one. */
export const NetworkInfo = z
  .object({
    publicUrl: z.string(),
    tls: z.enum(['internal', 'acme', 'files', 'off', 'external']),
    ca: z
      .object({
        commonName: z.string(),
        /** SHA-256 of the certificate (DER), upper-case hex pairs joined by ':' as devices show it. */
        fingerprint: z.string(),
        notAfter: z.string(),
        /** Where the certificate can be downloaded, also over plain HTTP before it is trusted. */
        downloadUrl: z.string(),
        plainDownloadUrl: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'NetworkInfo' });
export type NetworkInfo = z.infer<typeof NetworkInfo>;

/** The path of the root certificate download, on the app and on the front's plain-HTTP port. */
export const CA_CERT_PATH = '/api/network/ca.crt';

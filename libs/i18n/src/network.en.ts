import type { networkVi } from './network.vi';

export const networkEn: typeof networkVi = {
  settingsTitle: 'Connection',
  settingsSubtitle:
    'The address people open, and the certificate that lets phones, PCs and room screens trust this server.',
  address: 'Meeting address',
  addressHint: 'Join links, QR codes and invitations all carry this address.',
  tls: {
    internal: "HTTPS with this server's own certificate (install it once on each device).",
    acme: 'HTTPS with a public certificate, renewed automatically. Devices need nothing installed.',
    files: "HTTPS with the organisation's own certificate.",
    external: 'HTTPS is handled by the server in front (a proxy).',
    off: 'No HTTPS yet: browsers on other machines will not allow camera and microphone.',
  },
  trust: {
    title: 'Install the certificate on phones and room screens',
    why: 'This server uses its own certificate. Each device installs the root certificate once; browsers then trust the meeting address and allow camera and microphone.',
    download: 'Download the certificate (hallbridge-ca.crt)',
    plainLink: 'On a device that has not installed it yet, open this address (without the “s”):',
    fingerprint:
      'Check code (SHA-256) — compare it with the one printed when the server started, before installing:',
    name: 'Certificate name',
    validUntil: 'Valid until',
    stepsTitle: 'How to install',
    android: {
      title: 'Android',
      steps: [
        'Open the certificate address in Chrome and download hallbridge-ca.crt.',
        'Go to Settings › Security (or Security and privacy) › More settings › Encryption and credentials › Install a certificate › CA certificate.',
        'Choose “Install anyway”, pick the downloaded hallbridge-ca.crt, confirm with your screen lock.',
        'Reopen the browser and go to the meeting address.',
      ],
    },
    ios: {
      title: 'iPhone, iPad',
      steps: [
        'Open the certificate address in Safari and choose “Allow” to download the configuration profile.',
        'Go to Settings › General › VPN & Device Management, choose the HallBridge profile and tap Install.',
        'Go to Settings › General › About › Certificate Trust Settings and turn on full trust for the HallBridge certificate.',
        'Reopen Safari and go to the meeting address.',
      ],
    },
    windows: {
      title: 'Windows PC',
      steps: [
        'Download hallbridge-ca.crt, open it and choose “Install Certificate”.',
        'Choose “Local Machine”, then “Place all certificates in the following store” › Browse › “Trusted Root Certification Authorities”.',
        'Finish, then close and reopen Chrome or Edge.',
      ],
    },
    rooms: {
      title: 'Room screens',
      steps: [
        'A screen that is a Windows PC or an Android box: install as described above.',
        'A Linux PC (Chrome/Chromium): Settings › Privacy and security › Security › Manage certificates › Authorities › Import, and tick “Trust this certificate for identifying websites”.',
        'Then open the meeting address and pair the screen with its pairing code as usual.',
      ],
    },
  },
};

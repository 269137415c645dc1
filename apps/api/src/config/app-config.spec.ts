import { loadConfig } from './app-config';

const base = {
  DATA_DIR: '/nonexistent/hallbridge-config-spec',
  AUTH_SECRET: 'a-secret-long-enough-for-the-spec',
  LIVEKIT_API_KEY: 'key',
  LIVEKIT_API_SECRET: 'secret',
};

describe('the media URL browsers are given', () => {
  it('is the same origin as the HTTPS address when LiveKit is on loopback behind the front', () => {
    const config = loadConfig({
      ...base,
      PUBLIC_URL: 'https://hoinghi.tinhuy.vn',
      LIVEKIT_URL: 'ws://127.0.0.1:7880',
    });
    expect(config.media?.publicUrl).toBe('wss://hoinghi.tinhuy.vn');
    expect(
      loadConfig({ ...base, PUBLIC_URL: 'https://10.0.0.5:8443', LIVEKIT_URL: 'ws://localhost:7880' }).media
        ?.publicUrl,
    ).toBe('wss://10.0.0.5:8443');
  });

  it('is LIVEKIT_PUBLIC_URL when given, and the LiveKit URL itself for a deployment elsewhere', () => {
    const given = {
      ...base,
      PUBLIC_URL: 'https://a.vn',
      LIVEKIT_URL: 'ws://127.0.0.1:7880',
      LIVEKIT_PUBLIC_URL: 'wss://media.a.vn',
    };
    expect(loadConfig(given).media?.publicUrl).toBe('wss://media.a.vn');
    expect(
      loadConfig({ ...base, PUBLIC_URL: 'https://a.vn', LIVEKIT_URL: 'wss://lk.a.vn' }).media?.publicUrl,
    ).toBeNull();
  });
});

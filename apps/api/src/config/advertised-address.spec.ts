import type { NetworkInterfaceInfo } from 'node:os';
import { advertisedAddress, defaultRouteInterface, primaryIPv4 } from './advertised-address';

const iface = (address: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    family: address.includes(':') ? 'IPv6' : 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
    ...(address.includes(':') ? { scopeid: 0 } : {}),
  }) as NetworkInterfaceInfo;

// /proc/net/route: Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
const routes = [
  'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT',
  'docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
  'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
  'wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0',
].join('\n');

const interfaces = {
  lo: [iface('127.0.0.1', true), iface('::1', true)],
  docker0: [iface('172.17.0.1')],
  wlan0: [iface('fe80::1'), iface('192.168.1.20')],
};

describe('the primary interface', () => {
  it('is the one the default route leaves by', () => {
    expect(defaultRouteInterface(routes)).toBe('wlan0');
    expect(primaryIPv4(interfaces, routes)).toBe('192.168.1.20');
  });

  it('is the first non-internal IPv4 when there is no default route (an offline LAN)', () => {
    const header = routes.split('\n')[0]!;
    expect(defaultRouteInterface(header)).toBeNull();
    expect(primaryIPv4(interfaces, header)).toBe('172.17.0.1');
  });

  it('is missing on a machine with loopback only', () => {
    expect(primaryIPv4({ lo: interfaces.lo }, '')).toBeNull();
  });
});

describe('the advertised address', () => {
  const https = { scheme: 'https' as const, port: 443 };
  const primary = () => '192.168.1.20';

  it('is the primary interface, never localhost, with the front on 443', () => {
    expect(advertisedAddress({}, https, primary)).toEqual({
      publicUrl: 'https://192.168.1.20',
      host: '192.168.1.20',
      mediaIp: '192.168.1.20',
      source: 'interface',
    });
  });

  it('names a port that is not the scheme default', () => {
    expect(advertisedAddress({}, { scheme: 'https', port: 8443 }, primary).publicUrl).toBe(
      'https://192.168.1.20:8443',
    );
    expect(advertisedAddress({}, { scheme: 'http', port: 3000 }, primary).publicUrl).toBe(
      'http://192.168.1.20:3000',
    );
  });

  it('uses a hostname setting, and still puts the primary IP in the media candidates', () => {
    expect(advertisedAddress({ PUBLIC_HOSTNAME: 'HoiNghi.TinhUy.vn' }, https, primary)).toEqual({
      publicUrl: 'https://hoinghi.tinhuy.vn',
      host: 'hoinghi.tinhuy.vn',
      mediaIp: '192.168.1.20',
      source: 'PUBLIC_HOSTNAME',
    });
  });

  it('takes PUBLIC_URL as given (a front elsewhere), and PUBLIC_IP for the media behind NAT', () => {
    expect(
      advertisedAddress(
        { PUBLIC_URL: 'https://hop.example.vn:8443/', PUBLIC_IP: '203.0.113.7' },
        https,
        primary,
      ),
    ).toEqual({
      publicUrl: 'https://hop.example.vn:8443',
      host: 'hop.example.vn',
      mediaIp: '203.0.113.7',
      source: 'PUBLIC_URL',
    });
    expect(advertisedAddress({ PUBLIC_URL: 'https://10.0.0.5' }, https, primary).mediaIp).toBe('10.0.0.5');
  });

  it('falls back to loopback only on a machine without a network, and says so', () => {
    expect(advertisedAddress({}, https, () => null)).toMatchObject({
      publicUrl: 'https://127.0.0.1',
      source: 'loopback',
    });
  });
});

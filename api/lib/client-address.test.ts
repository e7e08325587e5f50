import { describe, expect, it } from 'vitest';
import { clientAddress, networkOf, trustedProxies } from './client-address.ts';

describe('client address behind proxies (ASVS V4: TRUST_PROXY)', () => {
  const loopbackAndLan = trustedProxies(['loopback', '10.0.0.0/8']);

  it('believes X-Forwarded-For only from trusted hops, and takes the first untrusted one from the right', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', loopbackAndLan)).toBe('198.51.100.7');
    // A visitor's own X-Forwarded-For entry sits to the left of what our proxies add: ignored.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7, 10.1.2.3', loopbackAndLan)).toBe('198.51.100.7');
    expect(clientAddress('203.0.113.9', '1.2.3.4', loopbackAndLan)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '2001:db8::5', loopbackAndLan)).toBe('2001:db8::5');
    expect(clientAddress('127.0.0.1', 'not-an-ip', loopbackAndLan)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.7', trustedProxies([]))).toBe('127.0.0.1');
  });

  it('groups addresses by /24 and /64 for per-network limits', () => {
    expect(networkOf('198.51.100.77')).toBe('198.51.100.0/24');
    expect(networkOf('2001:db8:1:2::abcd')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe('2001:db8:1:2::/64');
  });
});

import { BlockList, isIP } from 'node:net';

/** Whether a TRUST_PROXY entry is understood: an IP address, a CIDR range, or `loopback`. */
export function isProxySpec(spec: string): boolean {
  if (spec === 'loopback') return true;
  const [address, bits, extra] = spec.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** A matcher for the configured proxies (`TRUST_PROXY`), built once. */
export function trustedProxies(specs: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const spec of specs) {
    if (spec === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = spec.split('/') as [string, string?];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** `::ffff:1.2.3.4` (IPv4 seen through a dual-stack socket) → `1.2.3.4`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address (ASVS V4: forwarded headers only from configured proxies). Starts from the socket's peer;
 * while that hop is a trusted proxy, steps one entry left in X-Forwarded-For. The first untrusted hop is the
 * client — a visitor who sends their own X-Forwarded-For can only add entries to the left of it.
 * Returns `'unknown'` when there is no socket address.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, isTrusted: (a: string) => boolean): string {
  if (!socketAddress) return 'unknown';
  let client = unmapped(socketAddress);
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  while (isTrusted(client) && hops.length > 0) {
    const next = unmapped(hops.pop()!);
    if (!isIP(next)) break;
    client = next;
  }
  return client;
}

/**
 * The network a rate limit counts an address under: its /24 for IPv4, its /64 for IPv6 (one household or one
 * hosting customer), so that rotating through neighbouring addresses buys nothing.
 */
export function networkOf(address: string): string {
  const plain = unmapped(address);
  if (isIP(plain) === 4) return plain.split('.').slice(0, 3).join('.') + '.0/24';
  if (isIP(plain) === 6) return expandIpv6(plain).slice(0, 4).join(':') + '::/64';
  return plain;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string?];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';

// Addresses a webhook must not reach: the server's own machine and the
// networks behind it (RFC 6890 special-purpose blocks). A host on the
// allow-list could still resolve there — by mistake, or on purpose through
// DNS the channel's author controls.
const INTERNAL = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network", includes the unspecified 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
] as const) {
  INTERNAL.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 96], // unspecified ::, loopback ::1, IPv4-compatible
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  INTERNAL.addSubnet(prefix, bits, 'ipv6');
}

/** Loopback, private, link-local, unspecified, multicast or reserved? IPv4-mapped IPv6 counts as its IPv4. */
export function isInternalAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  // BlockList matches ::ffff:a.b.c.d against the IPv4 rules itself.
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Thrown when a webhook host is, or resolves to, an internal address. Retrying would not help. */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
  constructor(host: string) {
    super(
      `refused: ${host} is or resolves to an internal address (loopback, private, link-local…); ` +
        'only a host listed exactly in WEBHOOK_ALLOWED_HOSTS may',
    );
    this.name = 'InternalAddressError';
  }
}

/**
 * A `lookup` for http(s).request: resolves the name, refuses if any address
 * is internal, and hands the socket the checked addresses. The socket
 * connects to exactly what was checked, so a second DNS answer (rebinding)
 * cannot slip in between check and connect.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(
    hostname,
    { all: true, family: options.family ?? 0, ...(options.hints && { hints: options.hints }) },
    (err, addresses) => {
      if (err) return callback(err, '');
      if (addresses.length === 0 || addresses.some((a) => isInternalAddress(a.address)))
        return callback(new InternalAddressError(hostname), '');
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first!.address, first!.family);
    },
  );
};

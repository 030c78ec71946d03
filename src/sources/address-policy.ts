/**
 * Which network addresses Quotewire may fetch from. Feed URLs come from users and from redirects that
 * remote servers choose, so without these checks a feed could point the bot at the machine it runs on,
 * the home or office network behind it, or a cloud metadata service that hands out credentials
 * (server-side request forgery). The fetcher asks {@link checkAddress} about every address it is about
 * to connect to, and {@link checkUrl} about every URL before it connects at all.
 */
import { isIP } from 'node:net';
import { closestMatches } from '../text/similarity.js';
import { problem, type SourceProblem } from './source-problem.js';

/** What kind of network an IP address belongs to. Only `public` is fetched without opting in. */
export type AddressRange =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

/**
 * What the operator allows beyond public addresses. Both default to false in the config
 * (`polling.allowLoopback`, `polling.allowPrivateAddresses`); self-hosters who poll a feed on their
 * own network turn one on. Metadata, unspecified, multicast, broadcast and reserved addresses are
 * refused whatever the policy says, because no feed lives there.
 */
export interface AddressPolicy {
  /** Allow 127.0.0.0/8 and ::1 (the machine Quotewire runs on). */
  allowLoopback: boolean;
  /** Allow RFC 1918, carrier-grade NAT (100.64.0.0/10), unique-local IPv6 and link-local addresses. */
  allowPrivate: boolean;
}

/** Why an address was refused; {@link describeRefusal} turns it into a sentence. */
export interface AddressRefusal {
  /** The address as given (IPv6 without brackets). */
  address: string;
  range: Exclude<AddressRange, 'public'>;
}

/** A URL that must not be fetched, with a sentence saying why and what to do. */
export interface UrlProblem {
  kind: 'bad-url' | 'forbidden-address';
  message: string;
  /** The same as data, for a chat to word in its language. */
  problem: SourceProblem;
}

/**
 * Cloud metadata endpoints. Most sit inside ranges refused anyway, but not all (Azure's wire server
 * is a public address, Alibaba's sits in CGNAT space), and naming them keeps them refused even when
 * private addresses are allowed.
 */
const METADATA_V4 = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle
  '169.254.170.2', // AWS ECS task credentials
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud (legacy)
  '168.63.129.16', // Azure wire server
]);
const METADATA_V6 = ['fd00:ec2::254'].map((a) => parseIpv6(a));

type Ipv4Rule = [prefix: string, bits: number, range: AddressRange];

// Order matters: the first matching rule wins, so narrower ranges come before the ones containing them.
const IPV4_RULES: Ipv4Rule[] = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'reserved'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT: another customer's network, not the internet
  ['169.254.0.0', 16, 'link-local'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

/**
 * Classifies an IPv4 or IPv6 address. IPv6 forms that carry an IPv4 address (IPv4-mapped
 * `::ffff:127.0.0.1`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are classified by the address they
 * carry, because that is where the packets end up.
 *
 * @example classifyAddress('::ffff:10.0.0.1') // 'private'
 */
export function classifyAddress(ip: string): AddressRange {
  const address = stripBrackets(ip);
  switch (isIP(address)) {
    case 4:
      return classifyIpv4(parseIpv4(address));
    case 6:
      return classifyIpv6(parseIpv6(address));
    default:
      return 'invalid';
  }
}

/**
 * Returns null when the policy allows connecting to `ip`, or why not.
 *
 * @example checkAddress('10.0.0.5', { allowLoopback: false, allowPrivate: false })
 * // { address: '10.0.0.5', range: 'private' }
 */
export function checkAddress(ip: string, policy: AddressPolicy): AddressRefusal | null {
  const range = classifyAddress(ip);
  if (range === 'public') return null;
  if (range === 'loopback' && policy.allowLoopback) return null;
  if ((range === 'private' || range === 'link-local') && policy.allowPrivate) return null;
  return { address: stripBrackets(ip), range };
}

/**
 * One sentence a user can act on, e.g. "refused: example.internal resolves to a private address
 * (10.0.0.5); set polling.allowPrivateAddresses in the config to allow it".
 *
 * @param subject what was refused, phrased to precede the verb: a host name ("x resolves to") or a URL
 *   whose host is an IP literal ("http://10.0.0.5/ points to").
 */
export function describeRefusal(
  subject: string,
  refusal: AddressRefusal,
  subjectIsHostName: boolean,
): string {
  const verb = subjectIsHostName ? 'resolves to' : 'points to';
  return `refused: ${subject} ${verb} ${RANGE_NAMES[refusal.range]} (${refusal.address}); ${remedy(refusal.range)}`;
}

/**
 * Checks a parsed URL before any connection: only http and https, and a host that is an IP literal
 * must pass the policy. WHATWG URL parsing has already normalised `http://2130706433/` and
 * `http://0x7f.1/` to `127.0.0.1`, so those are caught here too. Host names are checked later, on the
 * addresses they resolve to at connect time.
 */
export function checkUrl(url: URL, policy: AddressPolicy): UrlProblem | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = closestMatches(url.protocol.slice(0, -1), ['https', 'http'], 1)[0];
    if (scheme) {
      const suggestion = displayUrl(new URL(`${scheme}:${url.href.slice(url.protocol.length)}`));
      return {
        kind: 'bad-url',
        message: `${displayUrl(url)} is not an http or https address; did you mean ${suggestion}?`,
        problem: problem('scheme-typo', { url: displayUrl(url), suggestion }),
      };
    }
    return {
      kind: 'bad-url',
      message: `${displayUrl(url)} is not an http or https address; Quotewire only fetches web feeds and pages`,
      problem: problem('not-http', { url: displayUrl(url) }),
    };
  }
  const host = stripBrackets(url.hostname);
  if (isIP(host) === 0) return null;
  const refusal = checkAddress(host, policy);
  return refusal
    ? {
        kind: 'forbidden-address',
        message: describeRefusal(displayUrl(url), refusal, false),
        problem: refusalProblem(displayUrl(url), refusal, false),
      }
    : null;
}

/** {@link describeRefusal} as data: the catalogues name the range and the remedy from `range`. */
export function refusalProblem(
  subject: string,
  refusal: AddressRefusal,
  subjectIsHostName: boolean,
): SourceProblem {
  return problem('forbidden-address', {
    subject,
    via: subjectIsHostName ? 'host' : 'url',
    range: refusal.range,
    address: refusal.address,
  });
}

/** The URL with any user name and password removed, for messages and logs. */
export function displayUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

const RANGE_NAMES: Record<AddressRefusal['range'], string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  invalid: 'an invalid address',
};

function remedy(range: AddressRefusal['range']): string {
  if (range === 'loopback') return 'set polling.allowLoopback in the config to allow it';
  if (range === 'private' || range === 'link-local') {
    return 'set polling.allowPrivateAddresses in the config to allow it';
  }
  return 'Quotewire never fetches from such addresses';
}

function stripBrackets(ip: string): string {
  const unbracketed = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  // A zone id (fe80::1%eth0) names an interface, not a different address.
  const zone = unbracketed.indexOf('%');
  return zone === -1 ? unbracketed : unbracketed.slice(0, zone);
}

function parseIpv4(address: string): number {
  return address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function classifyIpv4(value: number): AddressRange {
  if (METADATA_V4.has(formatIpv4(value))) return 'metadata';
  for (const [prefix, bits, range] of IPV4_RULES) {
    if (inIpv4Prefix(value, parseIpv4(prefix), bits)) return range;
  }
  return 'public';
}

function inIpv4Prefix(value: number, prefix: number, bits: number): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(prefix / size);
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parses a valid IPv6 address (as accepted by net.isIP) into its sixteen bytes. */
function parseIpv6(address: string): Uint8Array {
  let text = address.toLowerCase();
  const bytes = new Uint8Array(16);
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    text = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : zeros).fill('0'), ...restGroups];
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

function classifyIpv6(bytes: Uint8Array): AddressRange {
  const word = (i: number): number => ((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0);
  const embeddedV4 = (offset: number): number =>
    (bytes[offset] ?? 0) * 2 ** 24 +
    ((bytes[offset + 1] ?? 0) << 16) +
    ((bytes[offset + 2] ?? 0) << 8) +
    (bytes[offset + 3] ?? 0);
  const firstWordsZero = (count: number): boolean => [...Array(count).keys()].every((i) => word(i) === 0);

  if (METADATA_V6.some((m) => m.every((b, i) => b === bytes[i]))) return 'metadata';
  if (firstWordsZero(7) && word(7) === 0) return 'unspecified';
  if (firstWordsZero(7) && word(7) === 1) return 'loopback';
  if (firstWordsZero(5) && word(5) === 0xffff) return classifyIpv4(embeddedV4(12)); // IPv4-mapped
  if (word(0) === 0x64 && word(1) === 0xff9b) {
    // NAT64 (RFC 6052): a gateway forwards to the IPv4 address in the last 32 bits.
    if ([2, 3, 4, 5].every((i) => word(i) === 0)) return classifyIpv4(embeddedV4(12));
    if (word(2) === 1) return 'private'; // local-use NAT64 (RFC 8215) translates into a private network
  }
  // 6to4 tunnels to the IPv4 address in bits 16-48.
  if (word(0) === 0x2002) return classifyIpv4(embeddedV4(2));
  const first = word(0);
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if (first === 0x2001 && word(1) === 0x0db8) return 'reserved'; // documentation
  if (first === 0x2001 && word(1) < 0x0200) return 'reserved'; // IETF protocol assignments, Teredo
  if ((first & 0xe000) === 0x2000) return 'public'; // global unicast 2000::/3
  return 'reserved';
}

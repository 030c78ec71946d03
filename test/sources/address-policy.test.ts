import { describe, expect, it } from 'vitest';
import {
  type AddressPolicy,
  type AddressRange,
  checkAddress,
  checkUrl,
  classifyAddress,
  describeRefusal,
  displayUrl,
} from '../../src/sources/address-policy.js';

const strict: AddressPolicy = { allowLoopback: false, allowPrivate: false };
const permissive: AddressPolicy = { allowLoopback: true, allowPrivate: true };

describe('classifyAddress', () => {
  const table: Array<[string, AddressRange]> = [
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['1.1.1.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'],
    ['100.128.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::808:808', 'public'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:808:808::1', 'public'],
    ['fd00:ec2::254', 'metadata'],
    ['fd00::2', 'private'],
    ['fc00::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:82a::200e', 'public'],
    ['4000::1', 'reserved'],
    ['example.com', 'invalid'],
    ['', 'invalid'],
    ['1.2.3', 'invalid'],
  ];

  it.each(table)('%s is %s', (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });
});

describe('checkAddress', () => {
  it('allows public addresses under the strictest policy', () => {
    expect(checkAddress('93.184.216.34', strict)).toBeNull();
    expect(checkAddress('2606:4700:4700::1111', strict)).toBeNull();
  });

  it('allows loopback only when the policy says so', () => {
    expect(checkAddress('127.0.0.1', strict)).toEqual({ address: '127.0.0.1', range: 'loopback' });
    expect(checkAddress('::ffff:127.0.0.1', { allowLoopback: false, allowPrivate: true })?.range).toBe(
      'loopback',
    );
    expect(checkAddress('::1', { allowLoopback: true, allowPrivate: false })).toBeNull();
  });

  it('allows private and link-local only when the policy says so', () => {
    expect(checkAddress('10.0.0.5', strict)?.range).toBe('private');
    expect(checkAddress('100.64.1.1', { allowLoopback: true, allowPrivate: false })?.range).toBe('private');
    expect(checkAddress('10.0.0.5', { allowLoopback: false, allowPrivate: true })).toBeNull();
    expect(checkAddress('fe80::1', { allowLoopback: false, allowPrivate: true })).toBeNull();
  });

  it.each(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '0.0.0.0', '::', '224.0.0.1', '240.0.0.1'])(
    'refuses %s even when everything optional is allowed',
    (ip) => {
      expect(checkAddress(ip, permissive)).not.toBeNull();
    },
  );
});

describe('describeRefusal', () => {
  it('names the host, the address and the config key that would allow it', () => {
    expect(describeRefusal('example.internal', { address: '10.0.0.5', range: 'private' }, true)).toBe(
      'refused: example.internal resolves to a private address (10.0.0.5); set polling.allowPrivateAddresses in the config to allow it',
    );
    expect(describeRefusal('http://127.0.0.1/', { address: '127.0.0.1', range: 'loopback' }, false)).toMatch(
      /points to a loopback address \(127\.0\.0\.1\); set polling\.allowLoopback/,
    );
  });

  it('does not offer a setting for metadata addresses', () => {
    const message = describeRefusal('metadata.test', { address: '169.254.169.254', range: 'metadata' }, true);
    expect(message).toContain('cloud metadata address');
    expect(message).not.toContain('set ');
  });
});

describe('checkUrl', () => {
  it.each([
    'http://example.com/feed',
    'https://example.com/',
    'http://8.8.8.8/',
    'http://user:pw@example.com/',
  ])('accepts %s', (url) => {
    expect(checkUrl(new URL(url), strict)).toBeNull();
  });

  it.each([
    'ftp://example.com/feed',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'gopher://127.0.0.1:6379/',
  ])('rejects the scheme of %s', (url) => {
    expect(checkUrl(new URL(url), permissive)?.kind).toBe('bad-url');
  });

  it('suggests the address with http or https when the scheme is a typo of one', () => {
    expect(checkUrl(new URL('htps://example.com/feed?x=1'), permissive)).toMatchObject({
      kind: 'bad-url',
      message:
        'htps://example.com/feed?x=1 is not an http or https address; did you mean https://example.com/feed?x=1?',
      problem: { code: 'scheme-typo', args: { suggestion: 'https://example.com/feed?x=1' } },
    });
    expect(checkUrl(new URL('htp://example.com/'), permissive)?.problem).toMatchObject({
      args: { suggestion: 'http://example.com/' },
    });
    // Other schemes are not typos of http: no suggestion.
    expect(checkUrl(new URL('ftp://example.com/feed'), permissive)?.problem?.code).toBe('not-http');
    expect(checkUrl(new URL('file:///etc/passwd'), permissive)?.problem?.code).toBe('not-http');
  });

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://0.0.0.0/',
  ])('refuses the IP literal in %s', (url) => {
    expect(checkUrl(new URL(url), strict)?.kind).toBe('forbidden-address');
  });

  it('leaves host names to the connect-time check', () => {
    expect(checkUrl(new URL('http://localhost/'), strict)).toBeNull();
  });

  it('keeps credentials out of its messages', () => {
    const problem = checkUrl(new URL('http://alice:s3cret@10.0.0.1/feed'), strict);
    expect(problem?.message).toContain('http://10.0.0.1/feed');
    expect(problem?.message).not.toContain('s3cret');
    expect(problem?.message).not.toContain('alice');
  });
});

describe('displayUrl', () => {
  it('removes user name and password', () => {
    expect(displayUrl(new URL('https://alice:s3cret@example.com/a?b=1'))).toBe('https://example.com/a?b=1');
    expect(displayUrl(new URL('https://example.com/a'))).toBe('https://example.com/a');
  });
});

import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/sources/decode-body.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Café – Ünïcode</title></channel></rss>';

describe('decodeBody', () => {
  it('reads plain UTF-8', () => {
    expect(decodeBody(Buffer.from(FEED, 'utf8'))).toBe(FEED);
  });

  it('decodes declared UTF-8 as iconv-lite does, broken bytes and BOMs included', () => {
    const bodies = [
      Buffer.from(FEED, 'utf8'),
      Buffer.from([0x61, 0xc3, 0x28, 0x62, 0xe2, 0x82, 0x63, 0xf0, 0x9f, 0x98]),
      Buffer.from([0xed, 0xa0, 0x80, 0x78, 0xff, 0xfe, 0x80, 0xc0, 0xaf]),
      Buffer.from([0xe2, 0x80]),
    ];
    for (const body of bodies) {
      expect(decodeBody(body, 'application/rss+xml; charset=utf-8')).toBe(
        iconv.decode(body, 'utf-8').replace(/^\ufeff/, ''),
      );
    }
    // As before: one BOM goes as the byte order mark, one in decoding and one after.
    const boms = Buffer.from('\ufeff\ufeff\ufeff\ufeffFour BOMs', 'utf8');
    expect(decodeBody(boms, 'text/xml; charset=UTF-8')).toBe('\ufeffFour BOMs');
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FEED, 'utf8')]);
    expect(decodeBody(bytes)).toBe(FEED);
  });

  it('detects UTF-16 from its byte order mark, little- and big-endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FEED, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(FEED, 'utf-16be')]);
    expect(decodeBody(le)).toBe(FEED);
    expect(decodeBody(be)).toBe(FEED);
  });

  it('detects UTF-16 without a byte order mark from the shape of "<?"', () => {
    expect(decodeBody(iconv.encode(FEED, 'utf-16le'))).toBe(FEED);
  });

  it('uses the XML declaration when there is no BOM and no Content-Type charset', () => {
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café</title></channel></rss>';
    const bytes = Buffer.from(text, 'latin1');
    expect(bytes.includes(0xe9)).toBe(true);
    expect(decodeBody(bytes)).toContain('<title>Café</title>');
  });

  it('lets the bytes decide when the header and the XML declaration disagree about UTF-8', () => {
    const latin = (label: string) =>
      `<?xml version="1.0" encoding="${label}"?><rss><channel><title>Café “ça” – Müller</title></channel></rss>`;
    // A server that stamps utf-8 on a Latin-1 file: the declaration is right.
    const legacy = iconv.encode(latin('ISO-8859-1'), 'windows-1252');
    expect(decodeBody(legacy, 'application/rss+xml; charset=utf-8')).toContain('Café “ça” – Müller');
    expect(
      decodeBody(iconv.encode(latin('windows-1252'), 'windows-1252'), 'text/xml; charset=UTF-8'),
    ).toContain('Café “ça” – Müller');
    // A server that stamps ISO-8859-1 on a UTF-8 file: the declaration is right again.
    const utf8 = Buffer.from(latin('UTF-8'), 'utf8');
    expect(decodeBody(utf8, 'text/xml; charset=ISO-8859-1')).toContain('Café “ça” – Müller');
    // Where the bytes agree with the header, the header still wins.
    expect(decodeBody(Buffer.from(latin('ISO-8859-1'), 'utf8'), 'text/xml; charset=utf-8')).toContain(
      'Café “ça” – Müller',
    );
    expect(decodeBody(legacy, 'text/xml; charset=windows-1252')).toContain('Café “ça” – Müller');
  });

  it('reads ISO-8859-1 labels as windows-1252, as browsers do (curly quotes survive)', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><t>', 'latin1'),
      Buffer.from([0x93, 0x68, 0x69, 0x94]),
      Buffer.from('</t>', 'latin1'),
    ]);
    expect(decodeBody(bytes)).toContain('<t>\u201chi\u201d</t>');
  });

  it('decodes windows-1251 declared in the XML declaration', () => {
    const text = '<?xml version="1.0" encoding="windows-1251"?><rss><title>Новости</title></rss>';
    expect(decodeBody(iconv.encode(text, 'windows-1251'))).toBe(text);
  });

  it('prefers the Content-Type charset over the XML declaration', () => {
    const text = '<?xml version="1.0" encoding="utf-8"?><t>Новости</t>';
    expect(decodeBody(iconv.encode(text, 'koi8-r'), 'application/xml; charset="KOI8-R"')).toBe(text);
  });

  it('prefers the BOM over the Content-Type charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>Ü</t>', 'utf8')]);
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toBe('<t>Ü</t>');
  });

  it('finds the charset in an HTML meta tag', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>Café</body></html>';
    expect(decodeBody(Buffer.from(html, 'latin1'))).toContain('Café');
    const html5 = '<!doctype html><meta charset="iso-8859-15"><p>€</p>';
    expect(decodeBody(iconv.encode(html5, 'iso-8859-15'))).toContain('<p>€</p>');
  });

  it('falls back to UTF-8 for a charset nobody knows', () => {
    expect(decodeBody(Buffer.from('<t>héllo</t>', 'utf8'), 'text/xml; charset=x-no-such-thing')).toBe(
      '<t>héllo</t>',
    );
  });

  it('reads undeclared invalid UTF-8 as windows-1252 rather than producing replacement characters', () => {
    expect(decodeBody(Buffer.from('<t>café</t>', 'latin1'))).toBe('<t>café</t>');
  });

  it('gunzips gzip bodies, including gzip inside gzip', () => {
    const once = gzipSync(Buffer.from(FEED, 'utf8'));
    expect(decodeBody(once)).toBe(FEED);
    expect(decodeBody(gzipSync(once))).toBe(FEED);
  });

  it('gunzips before sniffing the charset', () => {
    const text = '<?xml version="1.0" encoding="windows-1251"?><t>Привет</t>';
    expect(decodeBody(gzipSync(iconv.encode(text, 'windows-1251')))).toBe(text);
  });

  it('keeps what arrived of a truncated gzip body', () => {
    const long = `<t>${'news '.repeat(20000)}</t>`;
    const zipped = gzipSync(Buffer.from(long, 'utf8'));
    const partial = decodeBody(zipped.subarray(0, Math.floor(zipped.length / 2)));
    expect(partial.startsWith('<t>news news')).toBe(true);
    expect(partial.length).toBeLessThan(long.length);
  });

  it('never throws on junk', () => {
    const junk = [
      Buffer.alloc(0),
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xfe]),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    ];
    for (const bytes of junk) expect(typeof decodeBody(bytes, 'text/html; charset=')).toBe('string');
  });
});

/**
 * Turns the raw bytes of a fetched feed or page into a string: undoes gzip that the HTTP layer left in
 * place, then finds the character set the way browsers and feed readers do and decodes with iconv-lite.
 * Total over its input: junk bytes come back as a best-effort string, never as an exception.
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import iconv from 'iconv-lite';

/** Decompressed size we accept; a gzip bomb stops here instead of exhausting memory. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Servers that gzip an already gzipped file produce two layers; more than a few is hostile. */
const MAX_GZIP_LAYERS = 3;
/** How far into the document the XML declaration or an HTML meta tag may appear. */
const SNIFF_BYTES = 4096;

/**
 * Decodes an HTTP body (or a file's bytes) to text.
 *
 * Charset precedence: byte order mark, then the `charset` of `contentType`, then the XML declaration's
 * `encoding=`, then an HTML `<meta charset>` / `http-equiv` tag (except that when the header and the
 * document disagree on whether it is UTF-8, the bytes decide); without any of those, valid UTF-8 is
 * read as UTF-8 and anything else as windows-1252. Labels iconv-lite does not know fall back to UTF-8.
 *
 * @example
 * const text = decodeBody(await response.arrayBuffer().then(Buffer.from), response.headers.get('content-type'));
 */
export function decodeBody(body: Buffer, contentType?: string | null): string {
  const bytes = gunzipLayers(body);
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.charset);

  const utf16 = sniffBomlessUtf16(bytes);
  if (utf16) return decodeWith(bytes, utf16);

  const declared = pickCharset(bytes, charsetFromContentType(contentType), charsetFromDocument(bytes));
  if (declared) return decodeWith(bytes, declared);

  // Undeclared: UTF-8 when the bytes are valid UTF-8, otherwise the legacy Western default.
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return decodeWith(bytes, 'windows-1252');
  }
}

function gunzipLayers(body: Buffer): Buffer {
  let bytes = body;
  for (let layer = 0; layer < MAX_GZIP_LAYERS && isGzip(bytes); layer++) {
    const inflated = gunzipLenient(bytes);
    if (!inflated) break;
    bytes = inflated;
  }
  return bytes;
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** A truncated download still yields the part that arrived, as a reader showing partial data would. */
function gunzipLenient(bytes: Buffer): Buffer | null {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    try {
      const partial = gunzipSync(bytes, {
        maxOutputLength: MAX_INFLATED_BYTES,
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
      });
      return partial.length > 0 ? partial : null;
    } catch {
      return null;
    }
  }
}

function sniffBom(bytes: Buffer): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** `<?` or `<r` encoded as UTF-16 without a BOM, as XML 1.0 appendix F describes. */
function sniffBomlessUtf16(bytes: Buffer): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00 && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] !== 0x00) return 'utf-16be';
  return null;
}

/**
 * The header's charset wins, as the standards say, except where it and the document's own
 * declaration disagree about UTF-8 and the bytes settle it: servers stamp a default charset on every
 * file (`text/xml; charset=utf-8` on a Latin-1 feed, or ISO-8859-1 on a UTF-8 one), while the
 * declaration was written with the file. Valid UTF-8 with non-ASCII in it is practically never
 * legacy text, and invalid UTF-8 is never UTF-8.
 */
function pickCharset(bytes: Buffer, header: string | null, document: string | null): string | null {
  if (!header || !document) return header ?? document;
  const headerIsUtf8 = isUtf8Label(header);
  if (headerIsUtf8 === isUtf8Label(document)) return header;
  if (headerIsUtf8) return isUtf8(bytes) ? header : document;
  return isUtf8(bytes) && bytes.some((byte) => byte >= 0x80) ? document : header;
}

function isUtf8Label(label: string): boolean {
  return /^\s*utf-?8\s*$/i.test(label);
}

function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

function charsetFromDocument(bytes: Buffer): string | null {
  // Declarations are ASCII in every encoding iconv would pick, so latin1 is a safe lens for sniffing.
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const xmlDecl = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const metaCharset = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const label = xmlDecl?.[1] ?? metaCharset?.[1] ?? null;
  // We just read the declaration as ASCII, so a claim of UTF-16/32 here is false (no BOM, no NULs).
  return label && !/^utf-?(16|32)/i.test(label) ? label : null;
}

function decodeWith(bytes: Buffer, label: string): string {
  const charset = normaliseCharset(label);
  // Nearly every feed is UTF-8: Node's own decoder gives the same text (invalid bytes become U+FFFD
  // alike) several times faster than iconv-lite's stream decoder. iconv drops one BOM, as here.
  if (charset === 'utf-8' || charset === 'utf8') return stripBom(stripBom(bytes.toString('utf8')));
  try {
    return stripBom(iconv.decode(bytes, charset));
  } catch {
    return stripBom(iconv.decode(bytes, 'utf-8'));
  }
}

function normaliseCharset(label: string): string {
  const name = label.trim().toLowerCase();
  // Like the WHATWG Encoding Standard: pages labelled Latin-1 or ASCII routinely contain windows-1252
  // punctuation (curly quotes, dashes), and windows-1252 is a superset for every other byte.
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1'].includes(name)) {
    return 'windows-1252';
  }
  // UTF-16 without a BOM and without an endianness is little-endian in practice.
  if (name === 'utf-16' || name === 'utf16') return 'utf-16le';
  return iconv.encodingExists(name) ? name : 'utf-8';
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

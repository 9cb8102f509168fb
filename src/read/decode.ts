/**
 * Bytes to text: BOMs (UTF-8, UTF-16 LE/BE), strict UTF-8, then a Windows-1252 fallback.
 * Binary data is recognised and refused rather than decoded into garbage.
 */
export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }
  | { ok: false; code: 'binary' | 'bad-encoding'; detail: string };

/** Decode a file's bytes to a string, or say why it is not text. */
export function decode(buf: Uint8Array): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return utf8(buf.subarray(3));
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  }
  const bin = binaryReason(buf);
  if (bin) return { ok: false, code: 'binary', detail: bin };
  return utf8(buf);
}

function utf8(buf: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Latin-1/Windows-1252 decodes every byte; accept it when it reads like text.
    const text = windows1252(buf);
    const letters = (text.match(/[\p{L}\s]/gu) ?? []).length;
    if (text.length > 0 && letters / text.length < 0.6) {
      return { ok: false, code: 'bad-encoding', detail: 'neither UTF-8 nor Windows-1252 text' };
    }
    return { ok: true, text, encoding: 'windows-1252' };
  }
}

/** Why a buffer looks binary (NUL bytes, many control characters), or undefined. */
function binaryReason(buf: Uint8Array): string | undefined {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return `NUL byte at offset ${i}`;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (n > 0 && control / n > 0.05) return `${control} control bytes in the first ${n}`;
  return undefined;
}

// Node's TextDecoder treats windows-1252 as ISO-8859-1; map the 0x80-0x9F range ourselves.
const CP1252 = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/** Decode Windows-1252 bytes (Latin-1 plus typographic punctuation in 0x80-0x9F). */
export function windows1252(buf: Uint8Array): string {
  let out = '';
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

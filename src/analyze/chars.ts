/**
 * Character tests by code unit, shared by the analysers (each replaces a small regular
 * expression on a hot path).
 */

/** Exactly the characters `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * A character that keeps a word apart from what it touches: ASCII, and no letter, digit, `'` or
 * `` ` ``. (wink-nlp's contraction pieces, `do` + `nt`, `let` + `'s`, touch letter or apostrophe
 * to letter.)
 */
export function keepsWordsApart(c: number): boolean {
  if (c >= 128 || c === 39 || c === 96 || (c >= 48 && c <= 57)) return false;
  const l = c | 32;
  return l < 97 || l > 122;
}

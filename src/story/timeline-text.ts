/**
 * Where a sentence's own words start. News pages glue a headline, a time stamp, a wire
 * dateline or a photo credit to the first sentence ("Sunday 26 April 2009 10.40 BST A couple
 * ...", "VENICE, Louisiana | Wed May 5, 2010 ... (Reuters) - Workers ..."); a timeline entry
 * should cite the sentence from after them.
 */

const MARKERS: RegExp[] = [
  // an all-capitals dateline opening the text: `GULF OF MEXICO --`, `BEIRUT, Lebanon -`
  /^[A-Z][A-Z'.]+(?:\s+[A-Z][A-Z'.]+){0,4}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?\s+(?:--|-|\u2013|\u2014)\s+/g,
  // a clock time with a zone: `10.40 BST`, `3:08 pm EDT`
  /\b\d{1,2}\s?[.:]\s?\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:BST|GMT|EDT|EST|CDT|CST|PDT|PST|CET|CEST|ET|UTC)\b\s*/g,
  // a wire dateline: `(Reuters) -`, `-LRB- AP -RRB- --`
  /(?:\(|-LRB-\s*)(?:Reuters|AP|AFP|Bloomberg|UPI|Xinhua)(?:\)|\s*-RRB-)\s*[-\u2013\u2014]+\s*/g,
  // a photo credit: `Photograph: Miguel Tovar/AP`
  /\bPhoto(?:graph)?\s*:\s*(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*(?:\s*\\?\/\s*[A-Z][\w.'-]*)+(?:\s+(?:Images|Press|Photos|Pictures|Features|Agency))?\s+/g,
];

// Cheap test: text that cannot hold any marker (most sentences) skips the full search.
const MAYBE = /\d\s?[.:]\s?\d\d|Reuters|\bAP\b|AFP|Bloomberg|UPI|Xinhua|Photo|\s\|\s|^[A-Z][A-Z'.]+[\sA-Za-z,'.]{0,60}?\s(?:--|-|\u2013|\u2014)\s/;

/** Offset in `s` where the sentence proper starts (0 when nothing is glued before it). */
export function leadTrim(s: string): number {
  if (!MAYBE.test(s)) return 0;
  let at = 0;
  const limit = Math.min(s.length, 260);
  for (const re of MARKERS) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
      const end = m.index! + m[0].length;
      if (m.index! < limit && end > at) at = end;
    }
  }
  return at;
}

/** True when the text still carries page furniture (a stamp, a credit) after trimming. */
export function hasFurniture(s: string): boolean {
  if (!MAYBE.test(s)) return false;
  return MARKERS.some((re) => {
    re.lastIndex = 0;
    return re.test(s);
  }) || /\s\|\s/.test(s);
}


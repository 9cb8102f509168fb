/**
 * The Porter stemmer exactly as ROUGE-1.5.5.pl runs it (its bundled Perl port, with the
 * 2004 change that a word in -ement does not also try -ment and -ent). Scores only match
 * tilse's when the stems match, so this follows the Perl regular expressions step by step
 * rather than a textbook Porter.
 */

const c = '[^aeiou]';
const v = '[aeiouy]';
const C = `${c}[^aeiouy]*`;
const V = `${v}[aeiou]*`;
const mgr0 = new RegExp(`^(${C})?${V}${C}`);
const meq1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
const mgr1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
const vowelInStem = new RegExp(`^(${C})?${v}`);
const cvc = new RegExp(`^${C}${v}[^aeiouwxy]$`);

const step2list: Record<string, string> = {
  ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble',
  alli: 'al', entli: 'ent', eli: 'e', ousli: 'ous', ization: 'ize', ation: 'ate',
  ator: 'ate', alism: 'al', iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al',
  iviti: 'ive', biliti: 'ble', logi: 'log',
};
const step3list: Record<string, string> = {
  icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '',
};

const step2re =
  /(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const step3re = /(icate|ative|alize|iciti|ical|ful|ness)$/;
const step4re = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/** Text before a match (Perl's `` $` ``). */
function pre(w: string, m: RegExpExecArray): string {
  return w.slice(0, m.index);
}

/** Porter stem of a lower-case word, as ROUGE-1.5.5's `stem`. */
export function porterStem(word: string): string {
  let w = word;
  if (w.length < 3) return w;
  const firstY = w[0] === 'y';
  if (firstY) w = 'Y' + w.slice(1);
  let m: RegExpExecArray | null;

  // Step 1a
  if ((m = /(ss|i)es$/.exec(w))) w = pre(w, m) + m[1];
  else if ((m = /([^s])s$/.exec(w))) w = pre(w, m) + m[1];

  // Step 1b
  if ((m = /eed$/.exec(w))) {
    if (mgr0.test(pre(w, m))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    const stem = pre(w, m);
    if (vowelInStem.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (cvc.test(w)) w += 'e';
    }
  }

  // Step 1c
  if ((m = /y$/.exec(w))) {
    const stem = pre(w, m);
    if (vowelInStem.test(stem)) w = stem + 'i';
  }

  // Step 2
  if ((m = step2re.exec(w))) {
    const stem = pre(w, m);
    if (mgr0.test(stem)) w = stem + step2list[m[1]!];
  }

  // Step 3
  if ((m = step3re.exec(w))) {
    const stem = pre(w, m);
    if (mgr0.test(stem)) w = stem + step3list[m[1]!];
  }

  // Step 4 (three separate tests, as in the Perl)
  if ((m = step4re.exec(w))) {
    const stem = pre(w, m);
    if (mgr1.test(stem)) w = stem;
  }
  if ((m = /ment$/.exec(w))) {
    const stem = pre(w, m);
    if (mgr1.test(stem)) w = stem;
  }
  if ((m = /ent$/.exec(w))) {
    const stem = pre(w, m);
    if (mgr1.test(stem)) w = stem;
  } else if ((m = /(s|t)(ion)$/.exec(w))) {
    const stem = pre(w, m) + m[1];
    if (mgr1.test(stem)) w = stem;
  }

  // Step 5
  if ((m = /e$/.exec(w))) {
    const stem = pre(w, m);
    if (mgr1.test(stem) || (meq1.test(stem) && !cvc.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && mgr1.test(w)) w = w.slice(0, -1);

  if (firstY) w = 'y' + w.slice(1);
  return w;
}

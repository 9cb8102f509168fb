/**
 * The Porter (1980) stemmer exactly as ROUGE-1.5.5 carries it (its Perl `stem` sub), including
 * ROUGE's own change to step 4 (a word ending in -ement is then also tried for -ment and -ent).
 * This is NOT porter2/snowball: scores only equal the official ones with this variant.
 */

const c = '[^aeiou]'; // consonant
const v = '[aeiouy]'; // vowel
const C = `${c}[^aeiouy]*`; // consonant sequence
const V = `${v}[aeiou]*`; // vowel sequence
const mgr0 = new RegExp(`^(${C})?${V}${C}`); // [C]VC... is m>0
const meq1 = new RegExp(`^(${C})?${V}${C}(${V})?$`); // [C]VC[V] is m=1
const mgr1 = new RegExp(`^(${C})?${V}${C}${V}${C}`); // [C]VCVC... is m>1
const hasVowel = new RegExp(`^(${C})?${v}`);
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

const step2re = /(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const step3re = /(icate|ative|alize|iciti|ical|ful|ness)$/;
const step4re = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/** Stem one lower-case word the way ROUGE-1.5.5's Perl Porter code does. */
export function porterStem(word: string): string {
  let w = word;
  if (w.length < 3) return w;
  const initialY = w[0] === 'y';
  if (initialY) w = 'Y' + w.slice(1);
  let m: RegExpExecArray | null;
  let stem: string;

  // Step 1a
  if ((m = /(ss|i)es$/.exec(w))) w = w.slice(0, m.index) + m[1];
  else if ((m = /([^s])s$/.exec(w))) w = w.slice(0, m.index) + m[1];
  // Step 1b
  if ((m = /eed$/.exec(w))) {
    if (mgr0.test(w.slice(0, m.index))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (hasVowel.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (cvc.test(w)) w += 'e';
    }
  }
  // Step 1c
  if ((m = /y$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (hasVowel.test(stem)) w = stem + 'i';
  }
  // Step 2
  if ((m = step2re.exec(w))) {
    stem = w.slice(0, m.index);
    if (mgr0.test(stem)) w = stem + step2list[m[1]!];
  }
  // Step 3
  if ((m = step3re.exec(w))) {
    stem = w.slice(0, m.index);
    if (mgr0.test(stem)) w = stem + step3list[m[1]!];
  }
  // Step 4 (ROUGE's modified form: three successive tests, not one alternation)
  if ((m = step4re.exec(w))) {
    stem = w.slice(0, m.index);
    if (mgr1.test(stem)) w = stem;
  }
  if ((m = /ment$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (mgr1.test(stem)) w = stem;
  }
  if ((m = /ent$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (mgr1.test(stem)) w = stem;
  } else if ((m = /(s|t)(ion)$/.exec(w))) {
    stem = w.slice(0, m.index) + m[1];
    if (mgr1.test(stem)) w = stem;
  }
  // Step 5
  if ((m = /e$/.exec(w))) {
    stem = w.slice(0, m.index);
    if (mgr1.test(stem) || (meq1.test(stem) && !cvc.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && mgr1.test(w)) w = w.slice(0, -1);

  if (initialY) w = 'y' + w.slice(1);
  return w;
}

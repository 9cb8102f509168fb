/**
 * A site's boilerplate: the same sentence, word for word, in at least three articles published
 * more than two days apart (`The BBC may edit your comments and not all emails will be
 * published.` under every reader page of a month). Wire copies of one report fall within a few
 * days, and are news.
 */

/** The units (sentences of articles) that are boilerplate. */
export function boilerplate<T extends { text: string }>(units: T[], docOf: (u: T) => number, published: (doc: number) => string | undefined): T[] {
  const by = new Map<string, T[]>();
  for (const u of units) {
    const key = u.text.toLowerCase().replace(/\s+/g, ' ');
    const list = by.get(key);
    if (list) list.push(u);
    else by.set(key, [u]);
  }
  const out: T[] = [];
  for (const list of by.values()) {
    const articles = new Set(list.map(docOf));
    if (articles.size < 3) continue;
    const days = [...articles].map(published).filter((d): d is string => !!d).sort();
    if (days.length >= 3 && daysBetween(days[0]!, days[days.length - 1]!) > 2) out.push(...list);
  }
  return out;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
}

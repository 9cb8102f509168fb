/**
 * Mentions per source as one short line: the sources with the most mentions first, and past
 * a few of them a count of the rest (a story of 300 articles has 300 file names).
 */
export function sourcesLine(bySource: Record<string, number>, shown = 6): Array<[string, number]> & { more?: number } {
  const all = Object.entries(bySource).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out: Array<[string, number]> & { more?: number } = all.slice(0, shown);
  if (all.length > shown) out.more = all.length - shown;
  return out;
}

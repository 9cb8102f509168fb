/**
 * Mentions per source as one short line: the sources with the most mentions first, and past
 * a few of them a count of the rest (a story of 300 articles has 300 file names).
 */
export function sourcesLine(bySource: Record<string, number>, escape: (s: string) => string, shown = 6): string {
  const all = Object.entries(bySource).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const line = all.slice(0, shown).map(([k, v]) => `${escape(k)} ${v}`).join(', ');
  return all.length > shown ? `${line} and ${all.length - shown} more` : line;
}

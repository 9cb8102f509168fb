/**
 * JSON Lines: one article per line, `{id?, title?, source?, url?, published?, text | html}`.
 * Each bad line is a problem with its line number; the other lines are read.
 */
import { z } from 'zod';

const Record_ = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  date: z.string().optional(),
  author: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
});

export type JsonlRecord = z.infer<typeof Record_>;

export type JsonlLine =
  | { line: number; record: JsonlRecord }
  | { line: number; error: 'bad-json' | 'bad-record'; detail: string };

/** Parse JSON Lines text into records and per-line errors. */
export function parseJsonl(text: string): JsonlLine[] {
  const out: JsonlLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      out.push({ line: i + 1, error: 'bad-json', detail: (e as Error).message });
      continue;
    }
    const r = Record_.safeParse(v);
    if (!r.success) {
      out.push({ line: i + 1, error: 'bad-record', detail: r.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ') });
      continue;
    }
    if (!r.data.text?.trim() && !r.data.html?.trim()) {
      out.push({ line: i + 1, error: 'bad-record', detail: 'needs a non-empty "text" or "html" field' });
      continue;
    }
    out.push({ line: i + 1, record: r.data });
  }
  return out;
}

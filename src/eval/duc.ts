/**
 * DUC 2004 task 2 layout: `docs/<topic>/*.txt`, `models/<topic>.m.100.t.<x>`,
 * `peers/<topic>.<System>`, `official-pertopic.txt` (ROUGE-1.5.5 `-d` lines). Reading the
 * layout, scoring summaries against the models, and checking our ROUGE against the official
 * per-topic lines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareSummary, rougeL, rougeN, rougeS, type Prepared, type RougeScore } from './rouge.js';

export interface DucTopic {
  id: string;
  /** Folder of the topic's articles. */
  docs: string;
  /** Paths of the human model summaries. */
  models: string[];
  /** Published system summaries: system name and path. */
  peers: Array<{ system: string; path: string }>;
}

/** The topics under a DUC root (sorted), or undefined when the layout is not there. */
export function ducTopics(root: string): DucTopic[] | undefined {
  const docsDir = join(root, 'docs');
  if (!existsSync(docsDir)) return undefined;
  const modelFiles = existsSync(join(root, 'models')) ? readdirSync(join(root, 'models')).sort() : [];
  const peerFiles = existsSync(join(root, 'peers')) ? readdirSync(join(root, 'peers')).sort() : [];
  return readdirSync(docsDir)
    .filter((d) => !d.startsWith('.'))
    .sort()
    .map((id) => ({
      id,
      docs: join(docsDir, id),
      models: modelFiles.filter((f) => f.startsWith(id + '.')).map((f) => join(root, 'models', f)),
      peers: peerFiles
        .filter((f) => f.startsWith(id + '.'))
        .map((f) => ({ system: f.slice(id.length + 1), path: join(root, 'peers', f) })),
    }));
}

/** Read a summary file as ROUGE does (bytes, one sentence per line). */
export function readSummary(path: string): string {
  return readFileSync(path, 'latin1');
}

export interface DucScores {
  'ROUGE-1': RougeScore;
  'ROUGE-2': RougeScore;
  'ROUGE-4': RougeScore;
  'ROUGE-L': RougeScore;
  'ROUGE-SU4': RougeScore;
}

/** Score one summary (SPL text) against prepared models with the DUC 2004 settings. */
export function scoreSummary(text: string, models: Prepared[]): DucScores {
  const p = prepareSummary(text);
  return {
    'ROUGE-1': rougeN(p, models, 1),
    'ROUGE-2': rougeN(p, models, 2),
    'ROUGE-4': rougeN(p, models, 4),
    'ROUGE-L': rougeL(p, models),
    'ROUGE-SU4': rougeS(p, models, 4, true),
  };
}

/** Prepared model summaries of a topic. */
export function topicModels(t: DucTopic): Prepared[] {
  return t.models.map((m) => prepareSummary(readSummary(m)));
}

export interface OfficialCheck {
  total: number;
  matched: number;
  /** Lines that differ, with our numbers. */
  mismatches: string[];
  /** Lines whose peer or models are missing. */
  missing: number;
}

const OFFICIAL = /^(\S+) ROUGE-(\d) Eval (\S+?)\.(\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)/;

/** Compare our ROUGE-N with every official per-topic line (to within 0.00001). */
export function checkOfficial(root: string, topics: DucTopic[]): OfficialCheck | undefined {
  const file = join(root, 'official-pertopic.txt');
  if (!existsSync(file)) return undefined;
  const byId = new Map(topics.map((t) => [t.id, t]));
  const models = new Map<string, Prepared[]>();
  const peers = new Map<string, Prepared>();
  const out: OfficialCheck = { total: 0, matched: 0, mismatches: [], missing: 0 };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = OFFICIAL.exec(line);
    if (!m) continue;
    out.total++;
    const [, , n, topic, system] = m;
    const t = byId.get(topic!);
    const peer = t?.peers.find((p) => p.system === system);
    if (!t || !peer || t.models.length === 0) {
      out.missing++;
      continue;
    }
    let ms = models.get(t.id);
    if (!ms) models.set(t.id, (ms = topicModels(t)));
    let p = peers.get(peer.path);
    if (!p) peers.set(peer.path, (p = prepareSummary(readSummary(peer.path))));
    const s = rougeN(p, ms, Number(n));
    const want = [Number(m[5]), Number(m[6]), Number(m[7])];
    const got = [s.recall, s.precision, s.f];
    if (got.every((g, i) => Math.abs(g - want[i]!) < 0.000005)) out.matched++;
    else out.mismatches.push(`${line.trim()}  ours: R:${got[0]!.toFixed(5)} P:${got[1]!.toFixed(5)} F:${got[2]!.toFixed(5)}`);
  }
  return out;
}

/** Every CLI command, in the order `dossier --help` lists them. One line per command file. */
import type { Command } from '../command.js';
import quotesCmd from './quotes.js';
import evalPolnear from './eval-polnear.js';
import analyze from './analyze.js';
import brief from './brief.js';
import evalTimebank from './eval-timebank.js';
import evalDuc from './eval-duc.js';
import summarizeCmd from './summarize.js';
import evalT17 from './eval-t17.js';
import timelineCmd from './timeline.js';
import ingest from './ingest.js';
import stories from './stories.js';
import search from './search.js';
import problemsCmd from './problems.js';
import cluster from './cluster.js';
import evalClusters from './eval-clusters.js';
import compareCmd from './compare.js';
import evalWire from './eval-wire.js';
import serveCmd from './serve.js';

export const commands: Command[] = [
  // The main job and the per-story views.
  brief,
  summarizeCmd,
  timelineCmd,
  quotesCmd,
  compareCmd,
  analyze,
  // The store: a stream of news, grouped into stories.
  ingest,
  stories,
  search,
  problemsCmd,
  serveCmd,
  cluster,
  // Evaluations on ../shared/data.
  evalDuc,
  evalT17,
  evalTimebank,
  evalPolnear,
  evalClusters,
  evalWire,
];

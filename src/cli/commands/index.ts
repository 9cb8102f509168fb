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

export const commands: Command[] = [
  quotesCmd,
  evalPolnear,
  brief,
  analyze,
  evalTimebank,
  summarizeCmd,
  evalDuc,
  evalT17,
  timelineCmd,
  ingest,
  stories,
  search,
  problemsCmd,
  cluster,
  evalClusters,
  compareCmd,
  evalWire,];

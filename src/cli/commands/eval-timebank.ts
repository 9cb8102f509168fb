/** `dossier eval timebank`: TempEval-3-style scores of our temporal expressions vs chrono-node alone. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { runTimebankEval } from '../../eval/timebank.js';

const command: Command = {
  name: 'eval timebank',
  summary: 'score temporal expressions (span, type, value) on TimeBank, with chrono-node as the peer',
  help: `Usage: dossier eval timebank [DIR] [--seeds DIR] [--published TSV] [--errors FILE]

Reads TimeBank (TimeML *.tml files; the <DCT> is the publication date), strips the tags to get
the text and the gold TIMEX3 spans, runs Dossier's time tagger and chrono-node alone, and
prints, like TempEval-3: span precision/recall/F1 (strict = exact offsets, relaxed = overlap),
type and value accuracy on matched spans, and value F1 (overlap and an equal value). Also runs
the issue's checks on the seed articles when they are present, and the speed of the tagger.

Options:
  DIR                default ../shared/data/timebank
  --seeds DIR        seed articles (default ../shared/seeds)
  --published TSV    their publication dates (default ../shared/seeds-published.tsv)
  --errors FILE      write every missed, extra or differing expression to FILE (TSV)

Examples:
  dossier eval timebank
  dossier eval timebank ../shared/data/timebank --errors /tmp/timebank-errors.tsv
  npm run eval:timebank`,
  options: {
    seeds: { type: 'string' },
    published: { type: 'string' },
    errors: { type: 'string' },
  },
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] ?? '../shared/data/timebank');
    if (!existsSync(dir)) {
      io.stdout(`skipped: TimeBank not found at ${dir}\n`);
      return 0;
    }
    const out = await runTimebankEval({
      dir,
      seeds: resolve(io.cwd, (args.values['seeds'] as string | undefined) ?? '../shared/seeds'),
      published: resolve(io.cwd, (args.values['published'] as string | undefined) ?? '../shared/seeds-published.tsv'),
      errors: args.values['errors'] ? resolve(io.cwd, args.values['errors'] as string) : undefined,
    });
    io.stdout(out);
    return 0;
  },
};
export default command;

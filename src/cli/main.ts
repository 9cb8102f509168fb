/**
 * `dossier` entry point: finds the command, parses its options (node:util parseArgs),
 * runs it and maps errors to exit codes. No analysis logic here.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { commands } from './commands/index.js';
import { UsageError, type Command, type Io } from './command.js';

const VERSION = '0.1.0';

/** The real process as an `Io`. */
export function processIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'dossier — make sense of a pile of news articles',
    '',
    'Usage: dossier <command> [options] <inputs…>',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `dossier <command> --help` for a command\'s options and examples.',
    'Inputs are files, folders (read recursively) or - for standard input.',
    '',
  ].join('\n');
}

function findCommand(argv: string[]): { cmd?: Command; rest: string[] } {
  const two = argv.slice(0, 2).join(' ');
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { cmd: byTwo, rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  return { cmd: byOne, rest: argv.slice(1) };
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const sub = argv[0] === 'help' && argv[1] ? findCommand(argv.slice(1)).cmd : undefined;
    io.stdout(sub ? sub.help.trimEnd() + '\n' : overview());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const { cmd, rest } = findCommand(argv);
  if (!cmd) {
    const group = commands.filter((c) => c.name.startsWith(argv[0] + ' '));
    if (group.length > 0) {
      io.stderr(`dossier ${argv[0]}: name one of: ${group.map((c) => c.name.split(' ')[1]).join(', ')}\n`);
    } else io.stderr(`dossier: unknown command '${argv[0]}'. Run \`dossier --help\` for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(cmd.help.trimEnd() + '\n');
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
    return await cmd.run({ values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals }, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || (err.code ?? '').startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`dossier ${cmd.name}: ${err.message}\nRun \`dossier ${cmd.name} --help\` for usage.\n`);
      return 2;
    }
    if (err.code === 'EPIPE') return 0;
    io.stderr(`dossier ${cmd.name}: internal error: ${err.stack ?? err.message}\n`);
    return 3;
  }
}

/** `dossier … | head`: a closed pipe ends the run quietly instead of with a stack trace. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

// Run when executed directly (tsx src/cli/main.ts ...).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * The shape of a CLI command. Commands are thin: they parse options, call the library,
 * print, and return an exit code (0 ok, 1 some input had problems, 2 misuse).
 */
import type { ParseArgsConfig } from 'node:util';

/** Where a command reads and writes; tests pass their own. */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Read all of standard input (for the `-` input). */
  readStdin(): Promise<Buffer>;
  /** stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed command line: option values and positional arguments. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** One or two words: `brief`, `eval duc`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage line(s) and option descriptions, then `Examples:`. */
  help: string;
  options: Options;
  run(args: Parsed, io: Io): Promise<number>;
}

/** Thrown by commands for misuse (exit code 2), with a message that names the fix. */
export class UsageError extends Error {}

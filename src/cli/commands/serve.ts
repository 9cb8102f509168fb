/** `dossier serve`: the store on the web — stories, briefs and search, from a browser or as JSON. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { dbHelp, dbOption, openDb } from './ingest.js';
import { serve } from '../../serve/index.js';

const command: Command = {
  name: 'serve',
  summary: 'serve the store over HTTP: a web page of stories, each story\'s brief, search, and JSON',
  help: `Usage: dossier serve [--db PATH] [--port N] [--host ADDRESS]

Serves the store read-only over HTTP until stopped (Ctrl-C). Another process may ingest
into the same store meanwhile; new articles show on the next request.

  GET /                     the stories, newest first, and a search box
  GET /story/ID             the story's brief (the same HTML as \`dossier brief --db --story ID\`)
  GET /search?q=WORDS       matching articles with snippets and their stories
  GET /api/stories          JSON (?since=YYYY-MM-DD&limit=N)
  GET /api/stories/ID       JSON: the story's brief report
  GET /api/search?q=WORDS   JSON: search hits

Options:
${dbHelp}
  --port N               port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS         address to listen on (default 127.0.0.1, this machine only)

Examples:
  dossier ingest examples/articles --meta examples/articles.tsv --db news.db
  dossier serve --db news.db --port 8080     # then open http://127.0.0.1:8080/`,
  options: {
    ...dbOption,
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
  },
  async run(args, io) {
    const port = Number(args.values['port']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${args.values['port']}"`);
    const host = args.values['host'] as string;
    const store = openDb(args, io, true);
    const server = serve(store);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    }).catch(async (e: Error) => {
      await store.close();
      throw new UsageError(`cannot listen on ${host}:${port}: ${e.message}`);
    });
    const address = server.address();
    const shown = address && typeof address === 'object' ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/` : `${host}:${port}`;
    io.stderr(`serving ${shown} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await store.close();
    return 0;
  },
};
export default command;

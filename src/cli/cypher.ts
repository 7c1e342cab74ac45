import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';

/** What every call needs: where the API is and the analyst key. */
interface Target {
  url: string;
  key: string | undefined;
  limit: number | undefined;
  params: unknown;
  format: 'table' | 'json' | 'csv' | 'ndjson';
}

const CYPHER = `query Cypher($query: String!, $params: JSON, $limit: Int) {
  cypher(query: $query, params: $params, limit: $limit) { columns rows truncated summary { rowCount totalMs } }
}`;

/** The history of the interactive mode, one query a line, newest last. */
const HISTORY_FILE = path.join(os.homedir(), '.diplograph_cypher_history');
const HISTORY_SIZE = 500;

/** The fields of Query.cypher this command line prints. */
interface CypherAnswer {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
  summary: { rowCount: number; totalMs: number };
}

function headers(target: Target): Record<string, string> {
  return { 'content-type': 'application/json', ...(target.key ? { authorization: `Bearer ${target.key}` } : {}) };
}

/** A JSON error body as `CODE: message`, or the HTTP status when the body is not one. */
async function failure(response: Response): Promise<Error> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) return new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  } catch {
    // not JSON: fall through
  }
  return new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
}

/** A value as one table cell: text as is, everything else as JSON, cut at 60 characters. */
function cell(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function table(columns: string[], rows: Array<Record<string, unknown>>): string {
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const format = (line: string[]) =>
    line
      .map((text, i) => text.padEnd(widths[i]!))
      .join(' │ ')
      .trimEnd();
  return [format(columns), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...cells.map(format)].join('\n');
}

/** Runs one query: a table or JSON through GraphQL, CSV or NDJSON streamed from /analyst/export to stdout. */
async function run(target: Target, query: string, out: NodeJS.WritableStream): Promise<void> {
  const base = target.url.replace(/\/+$/, '');
  if (target.format === 'csv' || target.format === 'ndjson') {
    const response = await fetch(`${base}/analyst/export?format=${target.format}`, {
      method: 'POST',
      headers: headers(target),
      body: JSON.stringify({ query, params: target.params, limit: target.limit }),
    });
    if (!response.ok || !response.body) throw await failure(response);
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) out.write(next.value);
    return;
  }
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: headers(target),
    body: JSON.stringify({ query: CYPHER, variables: { query, params: target.params, limit: target.limit } }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: { cypher: CypherAnswer };
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  if (!body) throw new Error(`HTTP ${response.status}: the answer is not JSON`);
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  const result = body.data!.cypher;
  if (target.format === 'json') {
    out.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  out.write(`${table(result.columns, result.rows)}\n`);
  out.write(`${result.summary.rowCount} row(s)${result.truncated ? ', truncated at the row limit' : ''} in ${Math.round(result.summary.totalMs)} ms\n`);
}

/** A prompt that runs each line as a query, with history kept across sessions. */
async function interactive(target: Target): Promise<void> {
  const history = fs.existsSync(HISTORY_FILE) ? fs.readFileSync(HISTORY_FILE, 'utf8').split('\n').filter(Boolean).reverse() : [];
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'cypher> ', history, historySize: HISTORY_SIZE });
  process.stdout.write(`Connected to ${target.url}. One query a line; :quit to leave.\n`);
  rl.prompt();
  for await (const line of rl) {
    const query = line.trim();
    if (query === ':quit' || query === ':q') break;
    if (query) {
      fs.appendFileSync(HISTORY_FILE, `${query.replace(/\n/g, ' ')}\n`, { mode: 0o600 });
      await run(target, query, process.stdout).catch((error: Error) => process.stderr.write(`${error.message}\n`));
    }
    rl.prompt();
  }
  rl.close();
}

/**
 * `npm run cypher -- 'MATCH …'` runs one read-only analyst query through the
 * API (never the database directly, so every guard and limit applies) and
 * prints a table, JSON, CSV or NDJSON; without a query, an interactive
 * prompt with history. The key comes from --key or DIPLOGRAPH_API_KEY.
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('cypher')
    .description('Run read-only Cypher through the diplograph API.')
    .argument('[query]', 'the Cypher statement; none starts the interactive mode')
    .option('--url <url>', 'the API base URL', process.env.DIPLOGRAPH_URL ?? 'http://127.0.0.1:4000')
    .option('--key <key>', 'an analyst or admin API key (default: DIPLOGRAPH_API_KEY)', process.env.DIPLOGRAPH_API_KEY)
    .option('--limit <rows>', 'most rows (the server caps it at CYPHER_MAX_ROW_LIMIT)', (value: string) => {
      if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
      return Number(value);
    })
    .option('--params <json>', 'parameters as a JSON object', (value: string) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw new InvalidArgumentError('expected a JSON object, such as {"id": "steve-witkoff"}');
      }
    })
    .option(
      '--format <format>',
      'table, json, csv or ndjson',
      (value: string) => {
        if (!['table', 'json', 'csv', 'ndjson'].includes(value)) throw new InvalidArgumentError('expected table, json, csv or ndjson');
        return value;
      },
      'table',
    )
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<{ url: string; key?: string; limit?: number; params?: unknown; format: Target['format'] }>();
  const target: Target = { url: options.url, key: options.key, limit: options.limit, params: options.params, format: options.format };
  const [query] = program.args;
  if (query) await run(target, query, process.stdout);
  else await interactive(target);
}

main(process.argv).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

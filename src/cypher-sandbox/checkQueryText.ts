import { badInput, forbidden } from '../errors';
import { positionOf, scanCypher, type CypherToken } from './scanCypher';

/** Longest query text accepted; saved queries and real analyst queries are far shorter. */
export const MAX_QUERY_LENGTH = 20_000;

/**
 * Words that may follow a variable called `use` (`WITH use MATCH …`,
 * `RETURN use AS u`); after anything else, `USE` starts a USE clause.
 */
const NOT_A_GRAPH_NAME = new Set([
  'AS',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IS',
  'IN',
  'STARTS',
  'ENDS',
  'CONTAINS',
  'WHERE',
  'ORDER',
  'SKIP',
  'OFFSET',
  'LIMIT',
  'MATCH',
  'OPTIONAL',
  'WITH',
  'RETURN',
  'UNWIND',
  'CALL',
  'UNION',
  'FINISH',
  'ASC',
  'DESC',
  'ASCENDING',
  'DESCENDING',
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH',
  'REMOVE',
  'FOREACH',
]);

/**
 * The textual layer of the guard: cheap refusals made before the server
 * sees the query. It only ever refuses; whatever it lets through still has
 * to pass EXPLAIN and the plan check.
 *
 * - empty or oversized text: BAD_USER_INPUT;
 * - several statements separated by `;` (a single trailing `;` is fine):
 *   BAD_USER_INPUT, pointing at the second statement;
 * - a leading EXPLAIN or PROFILE: BAD_USER_INPUT (explainCypher shows plans);
 * - a USE clause, which would name another database: FORBIDDEN.
 *
 * Strings and comments are skipped and words are NFKC-normalised and
 * upper-cased (scanCypher), so odd casing, full-width letters or comments
 * cannot hide these keywords from it.
 */
export function checkQueryText(query: string, argument = 'query'): void {
  if (query.trim() === '') throw badInput(`${argument} is empty; expected one Cypher statement.`, { argument });
  if (query.length > MAX_QUERY_LENGTH) {
    throw badInput(`${argument} is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`, {
      argument,
      maxLength: MAX_QUERY_LENGTH,
    });
  }
  const tokens = scanCypher(query);
  const semicolon = tokens.findIndex((t) => t.kind === 'symbol' && t.text === ';');
  if (semicolon !== -1 && semicolon < tokens.length - 1) {
    const next = tokens[semicolon + 1];
    const at = positionOf(query, next.offset);
    throw badInput(
      `${argument} holds several statements (a second one starts at line ${at.line}, column ${at.column}); ` + 'send one statement per request.',
      { argument, position: at },
    );
  }
  const first = tokens[0];
  if (first?.kind === 'word' && (first.text === 'EXPLAIN' || first.text === 'PROFILE')) {
    throw badInput(`${argument} starts with ${first.text}; send the bare query (use explainCypher to see its plan).`, {
      argument,
      position: positionOf(query, first.offset),
    });
  }
  const use = tokens.findIndex((t, i) => isUseClause(tokens, i));
  if (use !== -1) {
    const at = positionOf(query, tokens[use].offset);
    throw forbidden(`${argument} has a USE clause (line ${at.line}, column ${at.column}); analyst queries always run on this API's database.`, {
      argument,
      refused: 'USE',
      position: at,
    });
  }
}

function isUseClause(tokens: CypherToken[], i: number): boolean {
  const token = tokens[i];
  if (token.kind !== 'word' || token.text !== 'USE') return false;
  const previous = tokens[i - 1];
  // `n.use`, `$use`, `{use: 1}` label/property positions are names, not clauses.
  if (previous?.kind === 'symbol' && (previous.text === '.' || previous.text === ':')) return false;
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.kind === 'quotedName') return true;
  return next.kind === 'word' && !NOT_A_GRAPH_NAME.has(next.text);
}

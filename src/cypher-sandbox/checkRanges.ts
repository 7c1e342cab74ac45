import { isInt } from 'neo4j-driver';
import { forbidden } from '../errors';
import { positionOf, scanCypher, type CypherToken } from './scanCypher';

/**
 * The guard's layer against computations the server cannot stop.
 *
 * Neo4j 5 checks for termination (its transaction timeout, TERMINATE
 * TRANSACTIONS) between rows and on store access, not while it evaluates
 * one expression. `RETURN reduce(n = 0, x IN range(1, 10000000000) | n + x)`
 * is a single expression: the transaction is marked timed out, yet the
 * server thread computes on for minutes (hours, when a string grows on
 * every step) at full CPU, and `[x IN range(1, 300000000) | x]` builds a
 * list outside the transaction memory limit until the JVM runs out of heap.
 * The same range directly under UNWIND is harmless: it makes rows, and rows
 * are where the server stops.
 *
 * So every `range()` that is not the whole expression of an UNWIND must
 * have bounds (and step) that are integer literals or parameters, or be
 * sized by an existing value (`size(…)`), and all such ranges of a query,
 * multiplied (they may be nested), may make at most `maxValues` values.
 * Throws FORBIDDEN with `refused: 'range'` otherwise.
 */
export function checkRanges(query: string, params: Record<string, unknown>, maxValues: number, argument = 'query'): void {
  const tokens = scanCypher(query);
  let product = 1;
  for (let i = 0; i < tokens.length; i += 1) {
    const call = rangeCall(tokens, i);
    if (!call) continue;
    const previous = tokens[i - 1];
    const after = tokens[call.end + 1];
    const underUnwind = previous?.kind === 'word' && previous.text === 'UNWIND' && after?.kind === 'word' && after.text === 'AS';
    if (underUnwind) continue;
    const at = positionOf(query, tokens[i].offset);
    const values = call.args.map((arg) => valueOf(arg, params));
    if (values.length < 2 || values.length > 3 || values.some((v) => v === 'unknown')) {
      throw forbidden(
        `${argument} uses range() inside an expression (line ${at.line}, column ${at.column}) with bounds that are not ` +
          'whole-number literals or parameters; the server cannot stop such a computation in time. Pass the bounds as ' +
          'parameters, or produce rows with UNWIND range(…) AS x instead.',
        { argument, refused: 'range', position: at },
      );
    }
    if (values.includes('sized')) continue;
    const [start, end, step = 1] = values as number[];
    const count = step === 0 ? Infinity : Math.max(0, Math.floor((end - start) / step) + 1);
    product *= count;
    if (product > maxValues) {
      throw forbidden(
        `${argument} uses range() inside an expression (line ${at.line}, column ${at.column}) that would make ` +
          `${count === Infinity ? 'endless' : count} values (all ranges of the query multiplied: at most ${maxValues}, ` +
          'CYPHER_MAX_RANGE_VALUES); the server cannot stop such a computation in time. Produce rows with ' +
          'UNWIND range(…) AS x instead, which the time limit does stop.',
        { argument, refused: 'range', position: at, maxValues },
      );
    }
  }
}

/** A `range(` call starting at token i: its argument token lists and the index of its closing parenthesis. */
function rangeCall(tokens: CypherToken[], i: number): { args: CypherToken[][]; end: number } | undefined {
  const token = tokens[i];
  if (token.kind !== 'word' || token.text !== 'RANGE' || tokens[i + 1]?.text !== '(' || tokens[i + 1]?.kind !== 'symbol') return undefined;
  // `n.range(` or `:range(` would be a property or label, not the function.
  const previous = tokens[i - 1];
  if (previous?.kind === 'symbol' && (previous.text === '.' || previous.text === ':')) return undefined;
  const args: CypherToken[][] = [[]];
  let depth = 0;
  for (let j = i + 2; j < tokens.length; j += 1) {
    const t = tokens[j];
    if (t.kind === 'symbol' && '([{'.includes(t.text)) depth += 1;
    if (t.kind === 'symbol' && ')]}'.includes(t.text)) {
      if (depth === 0) return { args: args[0].length === 0 && args.length === 1 ? [] : args, end: j };
      depth -= 1;
    }
    if (depth === 0 && t.kind === 'symbol' && t.text === ',') args.push([]);
    else args[args.length - 1].push(t);
  }
  // Unbalanced: the server will refuse it as a syntax error; treat it as unbounded meanwhile.
  return { args: [[]], end: tokens.length - 1 };
}

/** An argument's value: a whole number, 'sized' for `size(…)` (± a literal), or 'unknown'. */
function valueOf(arg: CypherToken[], params: Record<string, unknown>): number | 'sized' | 'unknown' {
  let sign = 1;
  let rest = arg;
  if (rest[0]?.kind === 'symbol' && rest[0].text === '-') {
    sign = -1;
    rest = rest.slice(1);
  }
  if (rest.length === 1 && rest[0].kind === 'word') {
    const n = parseInteger(rest[0].text);
    return n === undefined ? 'unknown' : sign * n;
  }
  if (rest.length === 1 && rest[0].kind === 'parameter') {
    const value = params[rest[0].text];
    const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : isInt(value) ? Number(value.toString()) : NaN;
    return Number.isInteger(n) ? sign * n : 'unknown';
  }
  if (sign === 1 && rest[0]?.kind === 'word' && rest[0].text === 'SIZE' && rest[1]?.text === '(') {
    // size(x) counts a value that already exists; only a literal may be added or taken away.
    let depth = 0;
    let close = -1;
    for (let j = 1; j < rest.length; j += 1) {
      if (rest[j].kind === 'symbol' && '([{'.includes(rest[j].text)) depth += 1;
      if (rest[j].kind === 'symbol' && ')]}'.includes(rest[j].text)) depth -= 1;
      if (depth === 0) {
        close = j;
        break;
      }
    }
    const tail = rest.slice(close + 1);
    if (tail.length === 0) return 'sized';
    if (tail.length === 2 && tail[0].kind === 'symbol' && '+-'.includes(tail[0].text) && parseInteger(tail[1].text) !== undefined) return 'sized';
  }
  return 'unknown';
}

/** Cypher integer literals: decimal (with `_` separators), 0x hexadecimal, 0o octal; exponent forms are floats, so unknown. */
function parseInteger(text: string): number | undefined {
  const plain = text.replace(/_/g, '');
  if (/^\d+$/.test(plain)) return Number(plain);
  if (/^0X[0-9A-F]+$/.test(plain)) return Number.parseInt(plain.slice(2), 16);
  if (/^0O[0-7]+$/.test(plain)) return Number.parseInt(plain.slice(2), 8);
  return undefined;
}

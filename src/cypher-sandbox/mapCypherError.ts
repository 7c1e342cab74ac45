import { Neo4jError } from 'neo4j-driver';
import { mapNeo4jError } from '../db';
import { AppError, badInput, forbidden } from '../errors';
import type { CypherPosition } from './CypherTypes';

/** How the text the server saw differs from the analyst's: a prefix of `lines` lines and `chars` characters. */
export interface TextShift {
  lines: number;
  chars: number;
}

export const NO_SHIFT: TextShift = { lines: 0, chars: 0 };

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/**
 * Maps what the server says about an analyst's query to client errors:
 * mistakes in the query (syntax, semantics, types, arithmetic, missing
 * parameters, unknown procedures) become BAD_USER_INPUT with Neo4j's
 * message and the position in the analyst's own text; administration
 * commands and security refusals FORBIDDEN; timeouts, memory limits and
 * write attempts through the shared mapping (TIMEOUT, RESOURCE_LIMIT,
 * FORBIDDEN). Anything else is left for formatError to mask.
 *
 * The guard runs `EXPLAIN\n<query>`, so positions from that step are moved
 * back by `shift` (one line, eight characters) before they are shown.
 */
export function mapCypherError(error: unknown, shift: TextShift = NO_SHIFT): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand' || code === 'Neo.ClientError.Statement.NotSystemDatabaseError') {
    return forbidden('Administration commands are not allowed in analyst queries.', { neo4jCode: code, refused: 'administration command' });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return forbidden('The database refused this query for lack of privileges.', { neo4jCode: code });
  }
  const mapped = mapNeo4jError(error);
  if (mapped !== error) return mapped;
  if (/^Neo\.ClientError\.(Statement|Procedure|Schema|Request)\./.test(code)) {
    const { message, position } = shiftMessage(error.message, shift);
    return badInput(message, { neo4jCode: code, argument: 'query', ...(position ? { position } : {}) });
  }
  return error;
}

/** Moves the "(line L, column C (offset: O))" of a server message back by `shift` and returns the position found. */
export function shiftMessage(message: string, shift: TextShift): { message: string; position?: CypherPosition } {
  const match = POSITION.exec(message);
  if (!match) return { message };
  const position = shiftPosition({ line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) }, shift);
  return {
    message: message.replace(POSITION, `(line ${position.line}, column ${position.column} (offset: ${position.offset}))`),
    position,
  };
}

/** A server position in the shifted text, as a position in the analyst's text (clamped to its start). */
export function shiftPosition(position: CypherPosition, shift: TextShift): CypherPosition {
  const line = position.line - shift.lines;
  if (line < 1) return { line: 1, column: 1, offset: 0 };
  return { line, column: Math.max(1, position.column), offset: Math.max(0, position.offset - shift.chars) };
}

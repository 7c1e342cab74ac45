import { once } from 'node:events';
import type express from 'express';
import { authenticateRequest, requireRole, type Credentials } from '../auth';
import { AppError, ErrorCode, badInput } from '../errors';
import { createContext, type ContextDeps } from './createContext';
import { EXPORT_FORMATS } from './exportFormats';

/** HTTP statuses of the error codes an export can meet before its first byte. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
};

/**
 * POST /analyst/export?format=csv|ndjson: runs one analyst query (body as
 * Query.cypher's arguments: { query, params, limit, timeoutMs }) with the
 * same key, role, guard, timeout, row cap and concurrency limit, and
 * streams the rows as they come (a slow client slows the Bolt stream, not
 * memory). The body must be JSON, which a cross-site form cannot send. How
 * the stream ended comes in trailers: X-Row-Count and X-Truncated. An error
 * before the first row is a JSON error with a code and status; after it,
 * the connection is cut, so a partial file never looks complete.
 */
export function analystExport(deps: ContextDeps, credentials: Credentials): express.RequestHandler {
  return async (req, res) => {
    let started = false;
    try {
      const format = EXPORT_FORMATS[String(req.query.format ?? '')];
      if (!format) throw badInput(`format: expected csv or ndjson, got ${JSON.stringify(req.query.format ?? null)}.`, { argument: 'format' });
      if (!req.is('application/json')) throw badInput('The request body must be JSON (content-type: application/json).');
      const body = (req.body ?? {}) as { query?: unknown; params?: unknown; limit?: number | null; timeoutMs?: number | null };
      if (typeof body.query !== 'string') throw badInput('query: expected the Cypher text as a string.', { argument: 'query' });
      const ctx = createContext(deps, req, await authenticateRequest(req.headers.authorization, credentials), res);
      requireRole(ctx.viewer, 'analyst', 'export');
      let aborted = false;
      res.on('close', () => (aborted = !res.writableFinished));
      // Lines are sent in chunks of about 64 KB: one socket write (and at most one wait for drain) per chunk, not per row.
      let pending = '';
      const flush = async () => {
        if (aborted) throw new Error('the client went away');
        const chunk = pending;
        pending = '';
        if (chunk && !res.write(chunk)) await once(res, 'drain');
      };
      const write = async (text: string) => {
        pending += text;
        if (pending.length >= 65_536) await flush();
      };
      const begin = async (columns: string[]) => {
        started = true;
        res.status(200).set({ 'content-type': format.contentType, trailer: 'X-Row-Count, X-Truncated', 'cache-control': 'no-store' });
        await write(format.head(columns));
      };
      const request = { query: body.query, params: body.params, limit: body.limit, timeoutMs: body.timeoutMs };
      const result = await ctx.cypher.stream(ctx.db, request, { requestId: ctx.requestId, keyName: ctx.viewer.keyName }, async (row, columns) => {
        if (!started) await begin(columns);
        await write(format.line(row, columns));
      });
      if (!started) await begin(result.columns);
      await flush();
      res.addTrailers({ 'X-Row-Count': String(result.rowCount), 'X-Truncated': String(result.truncated) });
      res.end();
    } catch (error) {
      if (started) {
        deps.logger.warn({ err: error }, 'analyst export cut short');
        res.destroy();
        return;
      }
      const known = error instanceof AppError ? error : null;
      if (!known) deps.logger.error({ err: error }, 'analyst export failed');
      const code = known?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
      res.status(STATUS[code] ?? 500).json({ errors: [{ message: known?.message ?? 'Internal server error', extensions: { code } }] });
    }
  };
}

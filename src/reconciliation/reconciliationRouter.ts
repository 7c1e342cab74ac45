import crypto from 'node:crypto';
import express from 'express';
import type { Config } from '../config';
import type { Db } from '../db';
import { AppError, ErrorCode } from '../errors';
import { authenticate } from '../auth';
import type { Logger } from '../server/logger';
import { reconciliationManifest } from './manifest';
import { parseQueries } from './parseQueries';
import { previewHtml } from './previewHtml';
import { reconcile } from './reconcile';

/** The HTTP status of each error code this router can meet. */
const HTTP_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
};

/** What the router needs. */
export interface ReconciliationDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

/**
 * The W3C Entity Reconciliation API (v0.2, as OpenRefine speaks it) at
 * /reconcile: GET without `queries` → the service manifest; GET or POST
 * with `queries` (query string, form field or JSON body) → candidates;
 * GET /reconcile/preview?id= → an HTML card. Public reading, like the
 * GraphQL API: no key needed, but a key that is sent must be valid (401
 * otherwise). Limits: LIST_MAX_LIMIT queries per request and candidates per
 * query, the same 256 kB body limit, the executor's query timeout; errors
 * answer JSON with `extensions.code`.
 */
export function reconciliationRouter(deps: ReconciliationDeps): express.Router {
  const router = express.Router();
  const max = deps.config.limits.listMax;
  router.use(express.urlencoded({ extended: false, limit: '256kb' }), express.json({ limit: '256kb' }));
  router.use((req, _res, next) => {
    authenticate(req.headers.authorization, deps.config.auth.apiKeys);
    next();
  });
  const base = (req: express.Request) => `${req.protocol}://${req.get('host')}${req.baseUrl}`;

  const answer = async (req: express.Request, res: express.Response) => {
    const raw = (req.body as Record<string, unknown> | undefined)?.queries ?? req.query.queries;
    if (raw === undefined) {
      res.json(reconciliationManifest(base(req)));
      return;
    }
    const queries = parseQueries(raw, max, max);
    res.json(await reconcile(deps.db.forRequest({ requestId: crypto.randomUUID(), api: 'reconcile' }), queries));
  };
  router.get('/', answer);
  router.post('/', answer);
  router.get('/preview', async (req, res) => {
    const id = req.query.id;
    if (typeof id !== 'string' || !id)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'id: expected the id of an entity, such as ?id=vladimir-putin.', { argument: 'id' });
    const [row] = await deps.db.read<{ entity: Record<string, unknown> | null }>(
      'reconcilePreview',
      "OPTIONAL MATCH (n:Entity {id: $id}) RETURN n { .id, .name, .aliases, .description, label: [l IN labels(n) WHERE l <> 'Entity'][0] } AS entity",
      { id },
    );
    if (!row?.entity) throw new AppError(ErrorCode.NOT_FOUND, `No entity has the id "${id}".`, { id });
    res.type('html').send(previewHtml(row.entity as never));
  });
  router.use(((error, _req, res, next) => {
    if (!(error instanceof AppError)) return next(error);
    const status = HTTP_STATUS[error.code] ?? 500;
    if (status === 500) deps.logger.warn({ err: error }, 'reconciliation failed');
    res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
  }) as express.ErrorRequestHandler);
  return router;
}

import type { HttpMiddleware } from './HttpMiddleware';
import type { Logger } from './logger';
import type { Metrics } from './metrics/createMetrics';
import { recordOf } from './requestScope';

/** Paths with a label of their own; anything else (404s, probes of random URLs) is "other", so the label stays bounded. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
/** Probe endpoints: their successes are logged at debug, or a 5 s health check would fill the log. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One access log line and one HTTP metric per response, written when the
 * response is finished, whoever answered it (Apollo, the CSRF check, a 401
 * before GraphQL, the JSON parser, the 404 handler): method, path (without
 * the query string, which may hold a whole query and its variables),
 * status, ms, operation, key name and request id.
 */
export function accessLog(logger: Logger, metrics: Metrics): HttpMiddleware {
  return (req, res, next) => {
    const started = performance.now();
    // Read now: routers rewrite req.url as they mount handlers under a path.
    const path = (req.url ?? '/').split('?')[0];
    res.once('finish', () => {
      const route = ROUTES.has(path) ? path : 'other';
      metrics.httpResponses.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
      const record = recordOf(req);
      const fields = {
        method: req.method,
        path: route === 'other' ? path.slice(0, 200) : path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        operation: record.operation,
        keyName: record.keyName,
        requestId: record.requestId,
      };
      if (PROBES.has(path) && res.statusCode < 400) logger.debug(fields, 'request');
      else logger.info(fields, 'request');
    });
    next();
  };
}

import { authenticate, type ApiKey } from '../auth';
import { ErrorCode } from '../errors';
import type { HttpMiddleware } from '../server/HttpMiddleware';
import { sendJson } from '../server/sendJson';

/**
 * The first and cheapest refusal, before the body is read or the query
 * parsed: a client (API key name, or address without a key) with
 * `maxInFlight` requests already being served gets 429 with Retry-After
 * at once. Without it, 50 concurrent requests of one client, even ones
 * refused later, fill the single thread with body parsing and validation,
 * and every other client's lookup waits in line behind them.
 */
export function clientConcurrencyGate(maxInFlight: number, apiKeys: readonly ApiKey[]): HttpMiddleware {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    let client: string;
    try {
      const viewer = authenticate(req.headers.authorization, apiKeys);
      client = viewer.keyName ? `key:${viewer.keyName}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
    } catch {
      // A bad key is answered 401 by the GraphQL context, with its reason.
      return next();
    }
    const count = inFlight.get(client) ?? 0;
    if (count >= maxInFlight) {
      sendJson(
        res,
        429,
        {
          errors: [
            {
              message: `This client already has ${count} requests being served (ADMISSION_CLIENT_MAX_IN_FLIGHT); wait for their answers.`,
              extensions: { code: ErrorCode.TOO_MANY_REQUESTS, reason: 'CLIENT_CONCURRENCY', retryAfter: 1 },
            },
          ],
        },
        { 'retry-after': '1' },
      );
      return;
    }
    inFlight.set(client, count + 1);
    res.once('close', () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left <= 0) inFlight.delete(client);
      else inFlight.set(client, left);
    });
    next();
  };
}

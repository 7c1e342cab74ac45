import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import type { HttpMiddleware } from './HttpMiddleware';

/** What the JSON body parser of the Express path reports for a body that is not JSON (httpErrorResponder answers it). */
function parseFailed(): Error {
  return Object.assign(new Error('The request body is not valid JSON.'), { status: 400, type: 'entity.parse.failed' });
}

/** Whitespace JSON allows before a value. */
const LEADING_WHITESPACE = /^[ \t\n\r]*/;

/**
 * The JSON body of the requests the direct GraphQL path takes (see
 * graphqlEndpoint.takes: application/json in UTF-8, not compressed), set
 * on req.body. raw-body reads it within `limit` bytes; like Express's
 * JSON parser, only an object or a list is accepted. Its errors carry the
 * same status and `type` as that parser's (entity.too.large,
 * entity.parse.failed ...), so both paths answer them alike. The general
 * parser's work (content type and charset parsing, a decoder per request)
 * is left to the Express path, which takes every other request.
 */
export function readJsonBody(limit: number): HttpMiddleware {
  return (req, _res, next) => {
    getRawBody(req, { length: req.headers['content-length'], limit }, (error, buffer) => {
      if (error) return next(error);
      const text = buffer.toString('utf8');
      const first = text.charAt(LEADING_WHITESPACE.exec(text)![0].length);
      if (first !== '{' && first !== '[') return next(parseFailed());
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return next(parseFailed());
      }
      (req as IncomingMessage & { body?: unknown }).body = body;
      next();
    });
  };
}

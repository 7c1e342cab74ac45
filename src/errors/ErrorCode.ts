/**
 * Every `extensions.code` a client can see. One enum, so clients can switch
 * on codes and we notice when a new one appears.
 */
export enum ErrorCode {
  /** An argument or input value is wrong; the message names it and says why. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A non-null field asked for an entity that does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** The API key was not recognised. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller's role may not do this, or the analyst guard refused the query. */
  FORBIDDEN = 'FORBIDDEN',
  /**
   * A write named a version of an entity or relation that is no longer the
   * current one (someone else changed it first); extensions carry the
   * current version. Read it again, then retry.
   */
  CONFLICT = 'CONFLICT',
  /** A query ran past its time limit and was stopped. */
  TIMEOUT = 'TIMEOUT',
  /** A query hit a memory or size limit of the database. */
  RESOURCE_LIMIT = 'RESOURCE_LIMIT',
  /** Too many concurrent requests of a limited kind; try again shortly. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The database cannot be reached right now. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Anything else; the details are logged, never sent. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',

  // Codes of requests refused before any resolver runs (graphql-js, Apollo, the HTTP layer).
  /** The HTTP request could not be read: a body that is not JSON or too large, a refused CSRF check. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The query text is not valid GraphQL syntax. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The query does not fit the schema or the limits checked during validation. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The operation to run could not be chosen (operationName missing or unknown). */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** An automatic persisted query's hash is not known yet: send the query text with it once. */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** Persisted queries are turned off. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
}

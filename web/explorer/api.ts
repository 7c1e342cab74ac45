/** A GraphQL error as the API sends it: a message and a code from its one list. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Sends one operation to the API this page came from, as JSON (which
 * Apollo's CSRF prevention accepts). A GraphQL error is thrown with its
 * message and code, never left as a half-empty result.
 */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(body.errors.map((error) => error.message).join('\n'), first!.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} without data.`, undefined);
  return body.data;
}

/** The roles a request can have, weakest first. */
export const ROLES = ['reader', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: the role their API key or token grants (reader without one). */
export interface Viewer {
  role: Role;
  /** The configured name of the key used, for logs and the audit trail; never the key itself. */
  keyName?: string;
  /** The `sub` claim of the bearer JWT used, when the request carried one. */
  subject?: string;
}

/** The viewer of a request that carries no credentials. */
export const ANONYMOUS: Viewer = { role: 'reader' };

/**
 * How the audit trail names a viewer: `key:<name>` for an API key,
 * `jwt:<sub>` for a token, `anonymous` otherwise. The prefix keeps a key
 * and a token subject that happen to share a name apart.
 */
export function actorOf(viewer: Viewer): string {
  if (viewer.keyName !== undefined) return `key:${viewer.keyName}`;
  if (viewer.subject !== undefined) return `jwt:${viewer.subject}`;
  return 'anonymous';
}

/** The roles a request can have, weakest first. */
export const ROLES = ['reader', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: the role their API key grants (reader without one). */
export interface Viewer {
  role: Role;
  /** The configured name of the key used, for logs; never the key itself. */
  keyName?: string;
}

/** The viewer of a request that carries no API key. */
export const ANONYMOUS: Viewer = { role: 'reader' };

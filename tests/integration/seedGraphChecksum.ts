import crypto from 'node:crypto';
import type { Db } from '../../src/db';

/** Counts and a checksum over every node and relationship with all their properties. */
export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  checksum: string;
}

const NODES = 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props';
const RELATIONSHIPS = 'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props';

/** JSON with sorted keys, so equal graphs hash equally whatever order the driver returns keys in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Options of a fingerprint. */
export interface FingerprintOptions {
  /**
   * Property names left out. A test that undoes a load by hand (removing the
   * sources it added) cannot undo the version counts the load made, so it
   * compares without `version`.
   */
  ignore?: readonly string[];
}

/** Fingerprints the whole graph: equal fingerprints mean nothing was added, removed or changed. */
export async function graphFingerprint(db: Db, options: FingerprintOptions = {}): Promise<GraphFingerprint> {
  const ignored = new Set(options.ignore ?? []);
  const strip = (props: unknown) => Object.fromEntries(Object.entries(props as Record<string, unknown>).filter(([k]) => !ignored.has(k)));
  const nodes = (await db.read<{ labels: string[]; props: unknown }>('fpNodes', NODES)).map((n) =>
    stable({ labels: [...n.labels].sort(), props: strip(n.props) }),
  );
  const relationships = (await db.read<Record<string, unknown>>('fpRels', RELATIONSHIPS)).map((r) => stable({ ...r, props: strip(r.props) }));
  const hash = crypto.createHash('sha256');
  for (const line of [...nodes.sort(), '--', ...relationships.sort()]) hash.update(`${line}\n`);
  return { nodes: nodes.length, relationships: relationships.length, checksum: hash.digest('hex') };
}

import { isRelationType } from '../model';
import type { Direction } from '../relations';
import type { RelatedKey } from './relatedLoader';

/** One statement of the related loaders: its text and its parameters (the keys). */
export interface RelatedStatement {
  text: string;
  params: { keys: Array<Record<string, unknown>> };
}

const ARROWS: Record<Direction, readonly [string, string]> = {
  OUTGOING: ['-', '->'],
  INCOMING: ['<-', '-'],
  BOTH: ['-', '-'],
};

/**
 * A relationship pattern such as `-[r:HOLDS_OFFICE|ENVOY_OF]->`. Neo4j skips
 * the other relationships of a node (its per-type chains) only when the
 * pattern names the types; a filter on type(r) comes after every
 * relationship has been read. Types cannot be parameters, so they are
 * written into the text, and only names of the model's allow-list
 * (src/model/relationTypes.ts) ever are: anything else is refused here.
 *
 * @param types the types to follow, in any order; any type when null
 */
export function relationshipPattern(variable: string, types: readonly string[] | null, direction: Direction): string {
  for (const type of types ?? []) {
    if (!isRelationType(type)) throw new Error(`${JSON.stringify(type)} is not a relationship type of the model; it is never written into a query`);
  }
  const [left, right] = ARROWS[direction];
  return `${left}[${variable}${types ? `:${[...types].sort().join('|')}` : ''}]${right}`;
}

/**
 * The MATCH lines of one key: its first step if any, then its
 * relationships. Keys with the same lines share one branch of the
 * statement. null when the key asks for an empty list of types, which no
 * relationship matches.
 */
function branchOf(key: RelatedKey): string | null {
  if (key.types?.length === 0 || key.via?.types.length === 0) return null;
  const step = relationshipPattern('r', key.types, key.direction);
  if (!key.via) return `MATCH (n:Entity {id: key.id})${step}(m:Entity)`;
  // A first step may reach the same entity twice; each is expanded once.
  return `MATCH (:Entity {id: key.id})${relationshipPattern('v', key.via.types, key.via.direction)}(hop:Entity)
    WHERE key.via.label IS NULL OR key.via.label IN labels(hop)
    WITH DISTINCT key, hop AS n
    MATCH (n)${step}(m:Entity)`;
}

/**
 * Rows (n, r, m) of each key: a UNION ALL with one branch per distinct
 * shape in the batch, of which each key runs only its own (key.branch).
 * Direction is checked again per row so that a self-loop counts as
 * outgoing only, as it is reported.
 */
function relatedMatch(branches: readonly string[]): string {
  const union = branches.map((match, i) => `
    WITH key WHERE key.branch = ${i}
    ${match}
    RETURN n, r, m`);
  return `CALL (key) {${union.join('\n    UNION ALL')}
  }
  WITH key, n, r, m, CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
  WHERE r.retracted IS NULL
    AND (key.direction = 'BOTH' OR direction = key.direction)
    AND (key.label IS NULL OR key.label IN labels(m))`;
}

/**
 * Pages of relationships for many keys in one round-trip. Each key's edges
 * are ordered by their sort key, cut after the cursor, and sliced to the
 * key's own limit (`edges[..key.limit]`), because LIMIT cannot vary per
 * row (parameters arrive as floats, hence toInteger). Sources and
 * statements of the evidence come along, so that Evidence.source needs no
 * further query.
 */
const edgesText = (match: string) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  ${match}
  WITH key, n, r, m, direction, [type(r), direction, m.id, n.id] AS sortKey
  WHERE key.after IS NULL OR sortKey > key.after
  ORDER BY sortKey
  WITH key, collect({r: r, m: m, direction: direction, sortKey: sortKey}) AS edges
  WITH edges[..toInteger(key.limit)] AS page
  UNWIND range(0, size(page) - 1) AS pos
  RETURN page[pos] AS e, pos
}
WITH i, pos, e.r AS r, e.m AS m, e.direction AS direction, e.sortKey AS sortKey
RETURN i, pos, type(r) AS type, direction, properties(r) AS properties, sortKey,
  m { .*, label: [l IN labels(m) WHERE l <> 'Entity'][0] } AS node,
  COLLECT { MATCH (s:Source) WHERE s.id IN coalesce(r.sources, []) RETURN s { .*, label: 'Source' } } AS sources,
  COLLECT { MATCH (st:Statement) WHERE st.id = r.statement RETURN st { .*, label: 'Statement' } } AS statements
`;

/** How many relationships each key has in all (ignoring first and after). */
const countsText = (match: string) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  ${match}
  RETURN count(*) AS total
}
RETURN i, total
`;

/**
 * The one statement that answers a batch of keys: pages of edges (each
 * key's limit is first + 1, to tell whether there is a next page) or
 * totals. Relationship types are written into the text so that a hub with
 * many relationships of other types costs no more than a plain entity (see
 * relationshipPattern); the text depends only on the distinct shapes
 * (types, direction, first step) in the batch, sorted, so a batch is still
 * one round-trip and Neo4j reuses the plan of a shape it has seen. Every
 * value travels in $keys.
 *
 * @returns null when no key can have any relationship (each asks for an empty list of types)
 */
export function relatedStatement(kind: 'edges' | 'counts', keys: readonly RelatedKey[]): RelatedStatement | null {
  const keyBranches = keys.map(branchOf);
  const branches = [...new Set(keyBranches.filter((branch) => branch !== null))].sort();
  if (branches.length === 0) return null;
  const match = relatedMatch(branches);
  return {
    text: kind === 'edges' ? edgesText(match) : countsText(match),
    params: {
      keys: keys.map((key, i) => ({
        ...key,
        via: key.via ? { ...key.via, label: key.via.label ?? null } : null,
        limit: kind === 'edges' ? key.first + 1 : 0,
        branch: keyBranches[i] === null ? null : branches.indexOf(keyBranches[i]),
      })),
    },
  };
}

import type { ManagedTransaction } from 'neo4j-driver';
import { toPlain } from '../db';
import { resolveSeedEntities, SEED_FORMAT, type SeedDocument } from '../ingest';
import type { EntityType } from '../model';
import { inputError } from './inputError';

/** An entity a mutation names: its graph id and label. */
export interface ResolvedRef {
  id: string;
  label: EntityType;
}

/** Ids as such, or ids merged away into another entity (mergeEntities keeps old ids resolvable); one row per ref. */
export const ENTITIES_BY_ID_OR_MERGED = `
UNWIND $refs AS ref
OPTIONAL MATCH (n:Entity {id: ref})
OPTIONAL MATCH (m:MergedId {id: ref}) WHERE n IS NULL
OPTIONAL MATCH (into:Entity {id: m.into})
WITH ref, coalesce(n, into) AS e
RETURN ref, e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS label`;

/** One entity a mutation names: the field, what the client wrote, the types the field allows. */
export interface RefRequest {
  field: string;
  ref: string;
  types: readonly EntityType[];
  /** What the field expects, for messages ("PROPOSED starts at Person or Organization"). */
  why?: string;
  /** An ID field: the ref is an id (or a merged-away id) only, never a name to resolve. */
  idOnly?: boolean;
}

/** The entities that ids (or merged-away ids) name, by the id given; ids that name none are missing. */
export async function findByIds(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, ResolvedRef>> {
  const result = await tx.run(ENTITIES_BY_ID_OR_MERGED, { refs: [...ids] });
  const found = new Map<string, ResolvedRef>();
  for (const record of result.records) {
    const row = toPlain(record.toObject()) as { ref: string; id: string | null; label: EntityType };
    if (row.id) found.set(row.ref, { id: row.id, label: row.label });
  }
  return found;
}

/**
 * Finds the entities a mutation names: by id first, all in one statement
 * (a merged-away id resolves to the entity it was merged into), then each
 * one not found by id, unless its field is an ID (`idOnly`), by name or
 * alias, through the seed loader's entity resolution (src/ingest), tried
 * for each of the entity types its field allows. None, or several across
 * the types, is BAD_USER_INPUT naming the field; an entity of a type the
 * field does not allow is too.
 */
export async function resolveRefs(tx: ManagedTransaction, requests: readonly RefRequest[]): Promise<ResolvedRef[]> {
  const byId = await findByIds(
    tx,
    requests.map((r) => r.ref),
  );
  const resolved: ResolvedRef[] = [];
  for (const request of requests) resolved.push(await resolveOne(tx, request, byId.get(request.ref)));
  return resolved;
}

/** resolveRefs for one entity. */
export async function resolveRef(tx: ManagedTransaction, request: RefRequest): Promise<ResolvedRef> {
  return (await resolveRefs(tx, [request]))[0];
}

async function resolveOne(
  tx: ManagedTransaction,
  { field, ref, types, why = `expected ${types.join(' or ')}`, idOnly = false }: RefRequest,
  byId: ResolvedRef | undefined,
): Promise<ResolvedRef> {
  if (byId) {
    if (!types.includes(byId.label)) throw inputError([{ field, message: `"${ref}" is a ${byId.label}; ${why}` }]);
    return byId;
  }
  // An id names its entity or nothing: resolving it as a name could land on another entity (a fuzzy or surname match).
  if (idOnly) throw inputError([{ field, message: `no entity has the id "${ref}" (${why})` }]);
  const matches: ResolvedRef[] = [];
  for (const type of types) {
    // A one-entity document: resolveSeedEntities matches it by name or alias within its type, as for a seed.
    const document = {
      format: SEED_FORMAT,
      document: { id: 'write-api' },
      defaults: { sources: [] },
      entities: [{ id: 'write-api-ref', type, name: ref }],
      relations: [],
    } as unknown as SeedDocument;
    const { resolved, problems } = await resolveSeedEntities(tx, document, field);
    if (problems.length) throw inputError(problems.map((p) => ({ field, message: p.message })));
    const found = resolved.get('write-api-ref');
    if (found && found.via !== 'new') matches.push({ id: found.targetId, label: type });
  }
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw inputError([
      { field, message: `"${ref}" names several entities (${matches.map((m) => `${m.id} (${m.label})`).join(', ')}); use the id of the one meant` },
    ]);
  }
  throw inputError([{ field, message: `no entity has the id, name or alias "${ref}" (${why})` }]);
}

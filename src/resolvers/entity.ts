import {
  CountryCodeResolver,
  DateResolver,
  DateTimeResolver,
  JSONResolver,
  NonNegativeFloatResolver,
  NonNegativeIntResolver,
  URLResolver,
} from 'graphql-scalars';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { compileEntitiesById, planOnce, readCompiled } from '../compile';
import { badInput, notFound } from '../errors';
import { ENTITY_TYPES, entityTypeName, type EntityRecord, type EvidenceRecord } from '../model';
import { findEntityByReference } from '../provenance';
import type { Context } from '../server/Context';

/**
 * Entities by id in the order asked (null for an unknown id), each read as
 * the selection asks, relation fields included: one compiled statement,
 * planned once per operation (`ids` are the field's own argument).
 */
async function entitiesById(ids: readonly string[], ctx: Context, info: GraphQLResolveInfo): Promise<Array<EntityRecord | null>> {
  const statement = planOnce(info, ctx.config.limits, (plan) => compileEntitiesById(plan, getNamedType(info.returnType), info.fieldNodes, ids));
  const rows = await readCompiled<{ id: string; entity: EntityRecord | null }>(ctx.db, 'entitiesById', statement);
  const byId = new Map(rows.map((row) => [row.id, row.entity]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * One entity by id, or by a former id, name or alias ("witkoff") that names
 * one entity only: the canonical entity answers. Query.entity and Query.node.
 */
async function entityByReference(_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo): Promise<EntityRecord | null> {
  const [entity] = await entitiesById([args.id], ctx, info);
  return entity ?? findEntityByReference(ctx.db, args.id);
}

/** A cited source that is not in the graph. */
function sourceNotFound(evidence: EvidenceRecord): never {
  throw notFound(`Source ${evidence.sourceId} is cited but not in the graph.`, { id: evidence.sourceId });
}

/**
 * The concrete type of an entity met through the Node or Entity interface.
 * A compiled read leaves the label out when the selection is the same for
 * every entity type (no fragment on a type, no __typename, no `type`):
 * those fields resolve alike on every type, so any one answers the same.
 */
const typeOf = (entity: EntityRecord): string => (entity.label as string | undefined) ?? ENTITY_TYPES[0];

/** Query.entity / Query.node / Query.entities, the Node and the Entity interface, Evidence and the shared scalars. */
export const entityResolvers = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  URL: URLResolver,
  NonNegativeInt: NonNegativeIntResolver,
  NonNegativeFloat: NonNegativeFloatResolver,
  CountryCode: CountryCodeResolver,

  Query: {
    // Not an id: a former id, a name or an alias ("witkoff") answers with the canonical entity.
    entity: entityByReference,
    // Relay's refetch: the same lookup; only the declared type (Node) differs.
    node: entityByReference,
    entities(_: unknown, args: { ids: string[] }, ctx: Context, info: GraphQLResolveInfo) {
      const max = ctx.config.limits.listMax;
      if (args.ids.length > max) {
        throw badInput(`ids: at most ${max} ids per request, got ${args.ids.length}.`, { argument: 'ids', max });
      }
      return entitiesById(args.ids, ctx, info);
    },
  },

  Node: {
    __resolveType: typeOf,
  },

  Entity: {
    __resolveType: typeOf,
    // Inherited by every entity type (inheritResolversFromInterfaces).
    type: (entity: EntityRecord) => entityTypeName(entity.label),
    aliases: (entity: EntityRecord) => entity.aliases ?? [],
  },

  Evidence: {
    source(evidence: EvidenceRecord, _: unknown, ctx: Context) {
      // A compiled statement has read it already when it was selected (answered without a promise); other evidence goes through the batched loader.
      if ('source' in evidence) return evidence.source ?? sourceNotFound(evidence);
      return ctx.loaders.entityById.load(evidence.sourceId).then((source) => source ?? sourceNotFound(evidence));
    },
    statement: (evidence: EvidenceRecord, _: unknown, ctx: Context) =>
      'statementEntity' in evidence ? evidence.statementEntity : evidence.statement ? ctx.loaders.entityById.load(evidence.statement) : null,
  },
};

import type { ManagedTransaction } from 'neo4j-driver';
import {
  attachSourceTexts,
  buildSeedPlan,
  parsePartialDate,
  resolveSeedEntities,
  SEED_FORMAT,
  seedEntitySchema,
  writeSeedPlan,
  type Resolution,
  type SeedDocument,
  type SeedSummary,
} from '../ingest';
import { ENTITY_TYPES, type EntityType } from '../model';
import { inputError, propertiesOf, withoutNulls, zodProblems, type FieldProblem } from './inputError';
import { checkVersion, lockEntities, readEntities, versionOf } from './lockAndRead';
import { findByIds, resolveRefs } from './resolveRef';
import { runMutation, type MutationEnv } from './runMutation';
import type { EntityWriteResult } from './WriteResult';

/** UpsertEntityInput, as GraphQL hands it over. */
export interface UpsertEntityInput {
  requestId?: string | null;
  id?: string | null;
  type: string;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  properties?: unknown;
  sources?: string[] | null;
  expectedVersion?: number | null;
}

/** Keys written beside `properties`, never inside it. */
const TOP_LEVEL = new Set(['id', 'type', 'name', 'aliases', 'description']);
const DATE_KEYS = ['date', 'startDate'];

/**
 * Creates or updates one entity, as a one-entity seed document would: the
 * same format checks (seedEntitySchema), the same merge (aliases and
 * sources only grow). A given id names the entity (resolveOwnId); without
 * one, the name resolves as a seed entity's would. Sources are required and
 * resolved by id or name.
 */
export async function upsertEntity(env: MutationEnv, input: UpsertEntityInput) {
  const { entity, problems } = checkEntityInput(input);
  if (!input.sources?.length) problems.unshift({ field: 'input.sources', message: 'expected at least one Source (id or name) that gives these values' });
  if (problems.length) throw inputError(problems);

  return runMutation<EntityWriteResult>(env, 'upsertEntity', 'editor', input, async (tx) => {
    const refs = input.sources!.map((ref, i) => ({ field: `input.sources[${i}]`, ref, types: ['Source'] as const, why: 'expected a Source' }));
    const sources = (await resolveRefs(tx, refs)).map((source) => source.id);
    const document = {
      format: SEED_FORMAT,
      document: { id: 'write-api' },
      defaults: { sources },
      entities: [entity],
      relations: [],
    } as unknown as SeedDocument;
    const resolved = input.id ? await resolveOwnId(tx, entity.id as string, entity.type as EntityType) : await resolveByName(tx, document);
    const targetId = resolved.get(entity.id as string)!.targetId;

    const before = (await lockEntities(tx, [targetId])).get(targetId) ?? null;
    checkVersion('Entity', targetId, versionOf(before), input.expectedVersion, 'input.expectedVersion');
    const plan = buildSeedPlan(document, resolved);
    const unreadable = attachSourceTexts(plan);
    if (unreadable.length) throw inputError(unreadable.map((message) => ({ field: 'input.properties.file', message })));
    const summary: SeedSummary = { files: [], entities: {}, relations: {} };
    await writeSeedPlan(tx, plan, summary);
    const after = (await readEntities(tx, [targetId])).get(targetId)!;
    return {
      result: { entityId: targetId, version: versionOf(after), created: before === null },
      entityIds: [targetId],
      relationIds: [],
      before: { [targetId]: before },
      after: { [targetId]: after },
      events: [{ kind: 'ENTITY', entityId: targetId, relationId: null, relationType: null, to: null, version: versionOf(after), retracted: false }],
    };
  });
}

/**
 * An upsert that names its id: that entity (or the one a merged-away id
 * points at, joined as by sameAs), or a new one with that id. Never a name
 * match: the client said which entity it means, and resolution could join
 * a different one with a similar name.
 */
async function resolveOwnId(tx: ManagedTransaction, id: string, type: EntityType): Promise<Map<string, Resolution>> {
  const existing = (await findByIds(tx, [id])).get(id);
  if (existing && existing.label !== type)
    throw inputError([{ field: 'input.id', message: `"${id}" is already in the graph as a ${existing.label}, not a ${type}` }]);
  const resolution: Resolution = !existing ? { targetId: id, via: 'new' } : { targetId: existing.id, via: existing.id === id ? 'id' : 'sameAs' };
  return new Map([[id, resolution]]);
}

/** An upsert without an id: its name resolves as a seed entity's would (an existing entity of the type, or a new one). */
async function resolveByName(tx: ManagedTransaction, document: SeedDocument): Promise<Map<string, Resolution>> {
  const { resolved, problems } = await resolveSeedEntities(tx, document, 'input');
  if (problems.length) throw inputError(problems.map((p) => ({ field: p.path.replace(/^entities\[0\]/, 'input'), message: p.message })));
  return resolved;
}

/** The input as a seed entity, checked against the seed format; problems name the input fields. */
function checkEntityInput(input: UpsertEntityInput): { entity: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const label = ENTITY_TYPES.find((l) => l.toUpperCase() === input.type) as EntityType | undefined;
  if (!label) problems.push({ field: 'input.type', message: `unknown entity type ${JSON.stringify(input.type)}` });
  const properties = propertiesOf(input.properties, 'input.properties', problems);
  for (const key of Object.keys(properties)) {
    if (TOP_LEVEL.has(key)) problems.push({ field: `input.properties.${key}`, message: `write ${key} beside properties, not inside it` });
  }
  const entity: Record<string, unknown> = {
    ...properties,
    ...withoutNulls({ aliases: input.aliases, description: input.description }),
    type: label,
    id: input.id ?? provisionalId(input.name),
    name: input.name,
  };
  if (label && !problems.length) {
    const parsed = seedEntitySchema.safeParse(entity);
    if (!parsed.success) {
      problems.push(
        ...zodProblems(parsed.error.issues, (path) => {
          const [first, ...rest] = path.map(String);
          const field = TOP_LEVEL.has(first) ? `input.${first}` : `input.properties.${first}`;
          return [field, ...rest].join('.');
        }),
      );
    }
  }
  for (const key of DATE_KEYS) {
    const value = properties[key];
    if ((typeof value === 'string' || typeof value === 'number') && !parsePartialDate(value)) {
      problems.push({ field: `input.properties.${key}`, message: `"${value}" is not a calendar date` });
    }
  }
  return { entity, problems };
}

/** A readable id made from a name ("Steve Witkoff" → steve-witkoff), used when the name does not resolve. */
function provisionalId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'entity';
}

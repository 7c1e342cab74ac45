import {
  attachSourceTexts,
  buildSeedPlan,
  parsePartialDate,
  resolveSeedEntities,
  SEED_FORMAT,
  seedEntitySchema,
  writeSeedPlan,
  type SeedDocument,
  type SeedSummary,
} from '../ingest';
import { ENTITY_TYPES, type EntityType } from '../model';
import { inputError, propertiesOf, withoutNulls, zodProblems, type FieldProblem } from './inputError';
import { checkVersion, lockEntities, readEntities, versionOf } from './lockAndRead';
import { resolveRefs } from './resolveRef';
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
 * same format checks (seedEntitySchema), the same resolution (an existing
 * id, or a name or alias of the same type, joins that entity), the same
 * merge (aliases and sources only grow). Sources are required and resolved
 * by id or name.
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
    const { resolved, problems: unresolved } = await resolveSeedEntities(tx, document, 'input');
    if (unresolved.length) throw inputError(unresolved.map((p) => ({ field: p.path.replace(/^entities\[0\]/, 'input'), message: p.message })));
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

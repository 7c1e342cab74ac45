import type { EntityType, RelationType } from '../model';
import { nameKey } from './nameKey';
import { parsePartialDate } from './partialDate';
import type { SeedDocument } from './seedDocumentSchema';

/** Dates travel as ISO strings and become Neo4j Dates in the query, under these fixed keys. */
export interface PlanDates {
  date: string | null;
  startDate: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** One entity to merge: plain values only, so plans compare and snapshot without a database. */
export interface EntityRow {
  id: string;
  /** Null when the document's entity was resolved by name to an existing one, whose name is kept. */
  name: string | null;
  nameKey: string | null;
  description: string | null;
  aliases: string[];
  aliasKeys: string[];
  sources: string[];
  props: Record<string, unknown>;
  dates: PlanDates;
}

/** One relationship to merge, between graph ids. */
export interface RelationRow {
  from: string;
  to: string;
  sources: string[];
  props: Record<string, unknown>;
  dates: PlanDates;
}

/** What loading one document writes: entity rows by label, relation rows by type. */
export interface SeedPlan {
  entities: Partial<Record<EntityType, EntityRow[]>>;
  relations: Partial<Record<RelationType, RelationRow[]>>;
  /** The words of Sources, by Source id (filled by attachSourceTexts). */
  sourceTexts?: Array<{ id: string; text: string }>;
}

/** How a document's entity maps onto the graph (see resolveSeedEntities). */
export interface Resolution {
  /** The graph id the document's entity becomes or joins. */
  targetId: string;
  /** new: not in the graph yet; id: same id already there; name: an existing entity with this name or alias. */
  via: 'new' | 'id' | 'name';
}

const COMMON_KEYS = new Set(['id', 'type', 'name', 'aliases', 'description']);
const DATE_KEYS = ['date', 'startDate', 'validFrom', 'validTo'] as const;

/** Splits date values out of a property map: each becomes an ISO date plus a `<key>Precision` property. */
function splitDates(values: Record<string, unknown>): { props: Record<string, unknown>; dates: PlanDates } {
  const props: Record<string, unknown> = {};
  const dates: PlanDates = { date: null, startDate: null, validFrom: null, validTo: null };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if ((DATE_KEYS as readonly string[]).includes(key)) {
      // validateSeedDocument has already refused impossible dates.
      const parsed = parsePartialDate(value as string | number)!;
      dates[key as keyof PlanDates] = parsed.iso;
      props[`${key}Precision`] = parsed.precision;
    } else {
      props[key] = value;
    }
  }
  return { props, dates };
}

/**
 * Turns a validated document into the rows to merge, with every id mapped to
 * its graph id. An entity resolved by name keeps the graph's name and
 * description; the document's name joins its aliases instead.
 */
export function buildSeedPlan(document: SeedDocument, resolved: ReadonlyMap<string, Resolution>): SeedPlan {
  const target = (id: string) => resolved.get(id)?.targetId ?? id;
  const documentSources = document.defaults.sources.map(target);
  const plan: SeedPlan = { entities: {}, relations: {} };

  for (const entity of document.entities) {
    const resolution = resolved.get(entity.id) ?? { targetId: entity.id, via: 'new' as const };
    const byName = resolution.via === 'name';
    const aliases = [...(entity.aliases ?? [])];
    if (byName && !aliases.includes(entity.name)) aliases.unshift(entity.name);
    const specific = Object.fromEntries(Object.entries(entity).filter(([key]) => !COMMON_KEYS.has(key)));
    const row: EntityRow = {
      id: resolution.targetId,
      name: byName ? null : entity.name,
      nameKey: byName ? null : nameKey(entity.name),
      description: byName ? null : (entity.description ?? null),
      aliases,
      aliasKeys: aliases.map(nameKey),
      sources: documentSources,
      ...splitDates(specific),
    };
    (plan.entities[entity.type] ??= []).push(row);
  }

  for (const relation of document.relations) {
    const { type, from, to, sources, statement, properties, ...evidence } = relation;
    const { props, dates } = splitDates({
      ...properties,
      ...evidence,
      confidence: evidence.confidence ?? document.defaults.confidence ?? 1,
      statement: statement === undefined ? undefined : target(statement),
    });
    (plan.relations[type as RelationType] ??= []).push({
      from: target(from),
      to: target(to),
      sources: (sources ?? document.defaults.sources).map(target),
      props,
      dates,
    });
  }
  return plan;
}

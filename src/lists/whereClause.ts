import type { Config } from '../config';
import { badInput } from '../errors';
import { checkRelationTypes, type Direction } from '../relations';
import type { Clause } from './keysetCondition';

/** The `where` argument of every list query, as graphql-js hands it over (enum values already mapped to stored words). */
export interface EntityWhere {
  id?: string | null;
  idIn?: string[] | null;
  name?: { equals?: string | null; contains?: string | null; startsWith?: string | null } | null;
  relatedTo?: Array<{ id: string; types?: string[] | null; direction?: Direction | null }> | null;
  status?: string[] | null;
  kind?: string[] | null;
  format?: string[] | null;
  measure?: string[] | null;
  date?: DateRange | null;
  startDate?: DateRange | null;
}

interface DateRange {
  from?: Date | string | null;
  to?: Date | string | null;
}

/** `where` fields that keep entities whose property is one of the given values; property names are fixed here. */
const IN_FILTERS = { status: 'status', kind: 'kind', format: 'format', measure: 'measure' } as const;
/** `where` fields that keep entities whose date property lies in a range. */
const DATE_FILTERS = { date: 'date', startDate: 'startDate' } as const;

const MAX_RELATED_TO = 5;

/** Name-or-alias conditions; `$p` is the (lower-cased) parameter. */
const NAME_CONDITIONS = {
  equals: (p: string) => `(toLower(n.name) = ${p} OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = ${p}))`,
  contains: (p: string) => `(toLower(n.name) CONTAINS ${p} OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS ${p}))`,
  startsWith: (p: string) => `(toLower(n.name) STARTS WITH ${p} OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) STARTS WITH ${p}))`,
} as const;

/** "Has a relationship with entity $id", one pattern per direction. */
const RELATED_TO_PATTERNS: Record<Direction, string> = {
  OUTGOING: '(n)-[r]->(:Entity {id: $ID})',
  INCOMING: '(n)<-[r]-(:Entity {id: $ID})',
  BOTH: '(n)-[r]-(:Entity {id: $ID})',
};

const isoDay = (value: Date | string) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/**
 * Turns a list query's `where` into WHERE conditions over `n`. Every value
 * becomes a parameter; property names come from the fixed tables above and
 * relationship types are checked against the model, then passed as a
 * parameter too.
 */
export function whereClause(where: EntityWhere | null | undefined, limits: Config['limits']): Clause[] {
  if (!where) return [];
  const clauses: Clause[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    if (field === 'id') {
      clauses.push({ text: 'n.id = $whereId', params: { whereId: value } });
    } else if (field === 'idIn') {
      const ids = value as string[];
      if (ids.length > limits.listMax) {
        throw badInput(`where.idIn: at most ${limits.listMax} ids, got ${ids.length}.`, { argument: 'where.idIn', max: limits.listMax });
      }
      clauses.push({ text: 'n.id IN $whereIdIn', params: { whereIdIn: ids } });
    } else if (field === 'name') {
      for (const [test, text] of Object.entries(value as NonNullable<EntityWhere['name']>)) {
        if (text === null || text === undefined) continue;
        const param = `name_${test}`;
        clauses.push({ text: NAME_CONDITIONS[test as keyof typeof NAME_CONDITIONS](`$${param}`), params: { [param]: text.toLowerCase() } });
      }
    } else if (field === 'relatedTo') {
      const filters = value as NonNullable<EntityWhere['relatedTo']>;
      if (filters.length > MAX_RELATED_TO) {
        throw badInput(`where.relatedTo: at most ${MAX_RELATED_TO} filters, got ${filters.length}.`, {
          argument: 'where.relatedTo',
          max: MAX_RELATED_TO,
        });
      }
      filters.forEach((filter, i) => {
        const types = checkRelationTypes(filter.types, `where.relatedTo[${i}].types`);
        const pattern = RELATED_TO_PATTERNS[filter.direction ?? 'BOTH'].replace('$ID', `$related${i}Id`);
        clauses.push({
          text: `EXISTS { MATCH ${pattern} WHERE ($related${i}Types IS NULL OR type(r) IN $related${i}Types) AND r.retracted IS NULL }`,
          params: { [`related${i}Id`]: filter.id, [`related${i}Types`]: types },
        });
      });
    } else if (field in IN_FILTERS) {
      const property = IN_FILTERS[field as keyof typeof IN_FILTERS];
      clauses.push({ text: `n.${property} IN $where_${property}`, params: { [`where_${property}`]: value } });
    } else if (field in DATE_FILTERS) {
      const property = DATE_FILTERS[field as keyof typeof DATE_FILTERS];
      const range = value as DateRange;
      if (range.from) clauses.push({ text: `n.${property} >= date($${property}From)`, params: { [`${property}From`]: isoDay(range.from) } });
      if (range.to) clauses.push({ text: `n.${property} <= date($${property}To)`, params: { [`${property}To`]: isoDay(range.to) } });
    } else {
      // The SDL and this function disagree: a bug, not a client error.
      throw new Error(`where field ${field} has no condition`);
    }
  }
  return clauses;
}

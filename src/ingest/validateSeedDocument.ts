import YAML from 'yaml';
import type { z } from 'zod';
import { ENTITY_TYPES, RELATION_RULES, RELATION_TYPES, type EntityType, type RelationType } from '../model';
import { nameKey } from './nameKey';
import { parsePartialDate } from './partialDate';
import type { SeedProblem } from './SeedProblem';
import { SEED_FORMAT, seedDocumentSchema, seedEntitySchema, seedRelationSchema, type SeedDocument } from './seedDocumentSchema';

/** The outcome of validating one document: the document when it is sound, and every problem found. */
export interface SeedValidation {
  document?: SeedDocument;
  problems: SeedProblem[];
}

type Path = (string | number)[];

/** Evidence property names, which a relation's free-form properties may not reuse. */
export const RESERVED_RELATION_KEYS: ReadonlySet<string> = new Set([
  'sources',
  'quote',
  'confidence',
  'date',
  'dateText',
  'validFrom',
  'validTo',
  'statement',
  'datePrecision',
  'validFromPrecision',
  'validToPrecision',
]);

/** Entity keys whose values are partial dates. */
const ENTITY_DATE_KEYS = ['date', 'startDate'] as const;
const RELATION_DATE_KEYS = ['date', 'validFrom', 'validTo'] as const;

/**
 * Validates one seed document completely, without touching the database:
 * YAML syntax, the format (seedDocumentSchema), then every cross-reference —
 * duplicate ids, relations to unknown entities or between labels their type
 * does not allow, unknown or non-Source sources, statements that are not
 * Statements, quotes not found in their statement, impossible dates, figures
 * without a number. It collects every problem instead of stopping at the
 * first, so one run shows the author everything to fix.
 */
export function validateSeedDocument(text: string, file: string): SeedValidation {
  const lineCounter = new YAML.LineCounter();
  const yamlDoc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (yamlDoc.errors.length) {
    return {
      problems: yamlDoc.errors.map((error) => ({
        file,
        path: '',
        line: error.linePos?.[0].line,
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const raw: unknown = yamlDoc.toJS();
  const problemAt = (path: Path, message: string): SeedProblem => {
    const node = path.length ? yamlDoc.getIn(path, true) : undefined;
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return { file, path: formatPath(path), line: range ? lineCounter.linePos(range[0]).line : undefined, message };
  };

  const parsed = seedDocumentSchema.safeParse(raw);
  if (parsed.success) {
    const problems = checkReferences(parsed.data, problemAt);
    return problems.length ? { problems } : { document: parsed.data, problems };
  }
  // The format is broken somewhere. Report those issues, and still check the
  // references of every entry that is well-formed on its own, so that one
  // typo does not hide the other problems of the file.
  const problems = parsed.error.issues.map((issue) => problemAt(issue.path as Path, describeIssue(issue, raw)));
  const partial = wellFormedParts(raw);
  if (partial) problems.push(...checkReferences(partial.document, problemAt, partial.malformedIds));
  return { problems: dedupe(problems) };
}

/**
 * The entries of a document that validate on their own, at their original
 * indexes (broken ones become holes), or undefined when even the frame of
 * the document is broken.
 */
function wellFormedParts(raw: unknown): { document: SeedDocument; malformedIds: Set<string> } | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { entities, relations, defaults } = raw as Record<string, unknown>;
  // Ids of entities that are malformed: references to them are not "unknown", their entity is already reported.
  const malformedIds = new Set(
    (Array.isArray(entities) ? entities : [])
      .filter((e) => !seedEntitySchema.safeParse(e).success)
      .map((e) => (e as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string'),
  );
  const keep = <T>(list: unknown, schema: { safeParse(v: unknown): { success: boolean; data?: T } }) =>
    Array.isArray(list) ? list.map((item) => schema.safeParse(item).data) : [];
  const parsedDefaults = seedDocumentSchema.shape.defaults.safeParse(defaults);
  const document: SeedDocument = {
    format: SEED_FORMAT,
    document: { id: 'partial' },
    defaults: parsedDefaults.success ? parsedDefaults.data : { sources: [] },
    entities: keep(entities, seedEntitySchema) as SeedDocument['entities'],
    relations: keep(relations, seedRelationSchema) as SeedDocument['relations'],
  };
  return { document, malformedIds };
}

function dedupe(problems: SeedProblem[]): SeedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The cross-reference checks that a schema cannot express. */
function checkReferences(
  document: SeedDocument,
  problemAt: (path: Path, message: string) => SeedProblem,
  malformedIds: ReadonlySet<string> = new Set(),
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const byId = new Map<string, { type: EntityType; index: number }>();
  const byKey = new Map<string, number>();

  document.entities.forEach((entity, index) => {
    if (!entity) return;
    const first = byId.get(entity.id);
    if (first) {
      problems.push(problemAt(['entities', index, 'id'], `duplicate id "${entity.id}" (first defined at entities[${first.index}])`));
    } else {
      byId.set(entity.id, { type: entity.type, index });
    }
    // Two entities of one type with the same name would both resolve to the same graph node.
    const key = `${entity.type}:${nameKey(entity.name)}`;
    const sameName = byKey.get(key);
    if (sameName !== undefined && document.entities[sameName].id !== entity.id) {
      problems.push(
        problemAt(
          ['entities', index, 'name'],
          `"${entity.name}" is also the name of entities[${sameName}] ("${document.entities[sameName].id}"), of the same type`,
        ),
      );
    } else {
      byKey.set(key, index);
    }
    const record = entity as Record<string, unknown>;
    for (const dateKey of ENTITY_DATE_KEYS) {
      const value = record[dateKey];
      if (value !== undefined && !parsePartialDate(value as string | number)) {
        problems.push(problemAt(['entities', index, dateKey], `"${value}" is not a calendar date`));
      }
    }
    if (entity.type === 'Figure') {
      if (entity.value === undefined && entity.lowerBound === undefined && entity.upperBound === undefined) {
        problems.push(problemAt(['entities', index], `figure "${entity.id}" needs a value, a lowerBound or an upperBound`));
      }
      if (entity.lowerBound !== undefined && entity.upperBound !== undefined && entity.lowerBound > entity.upperBound) {
        problems.push(problemAt(['entities', index, 'lowerBound'], `lowerBound ${entity.lowerBound} is above upperBound ${entity.upperBound}`));
      }
    }
  });

  const requireSource = (path: Path, sourceId: string) => {
    const found = byId.get(sourceId);
    if (!found && malformedIds.has(sourceId)) return;
    if (!found) problems.push(problemAt(path, `unknown source "${sourceId}": no entity with this id in the document`));
    else if (found.type !== 'Source') problems.push(problemAt(path, `"${sourceId}" is a ${found.type}, not a Source`));
  };
  document.defaults.sources.forEach((sourceId, i) => requireSource(['defaults', 'sources', i], sourceId));
  document.entities.forEach((entity, index) => {
    entity?.evidence?.forEach((entry, i) => {
      const at = (...rest: Path) => ['entities', index, 'evidence', i, ...rest];
      const given = (entity as Record<string, unknown>)[entry.property];
      if (given === undefined) problems.push(problemAt(at('property'), `"${entity.id}" gives no ${entry.property} to give evidence for`));
      else if (entry.value !== undefined && !(Array.isArray(given) ? given.includes(entry.value) : given === entry.value)) {
        problems.push(problemAt(at('value'), `"${entity.id}" has no ${entry.property} ${JSON.stringify(entry.value)}`));
      }
      entry.sources?.forEach((sourceId, j) => requireSource(at('sources', j), sourceId));
    });
  });

  const seen = new Map<string, number>();
  document.relations.forEach((relation, index) => {
    if (!relation) return;
    const at = (...rest: Path) => ['relations', index, ...rest];
    const rule = RELATION_RULES[relation.type as RelationType];
    const from = byId.get(relation.from);
    const to = byId.get(relation.to);
    if (!from && malformedIds.has(relation.from)) {
      // already reported at the entity
    } else if (!from) problems.push(problemAt(at('from'), `unknown entity "${relation.from}": no entity with this id in the document`));
    else if (!(rule.from as readonly string[]).includes(from.type)) {
      problems.push(problemAt(at('from'), `${relation.type} cannot start at a ${from.type} ("${relation.from}"); expected ${rule.from.join(' or ')}`));
    }
    if (!to && malformedIds.has(relation.to)) {
      // already reported at the entity
    } else if (!to) problems.push(problemAt(at('to'), `unknown entity "${relation.to}": no entity with this id in the document`));
    else if (!(rule.to as readonly string[]).includes(to.type)) {
      problems.push(problemAt(at('to'), `${relation.type} cannot end at a ${to.type} ("${relation.to}"); expected ${rule.to.join(' or ')}`));
    }
    if (relation.from === relation.to) problems.push(problemAt(at('to'), `a relation cannot connect "${relation.from}" to itself`));

    const key = `${relation.type} ${relation.from} ${relation.to}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      problems.push(problemAt(at('type'), `duplicate relation ${relation.from} -${relation.type}-> ${relation.to} (first at relations[${twin}])`));
    } else {
      seen.set(key, index);
    }

    relation.sources?.forEach((sourceId, i) => requireSource(at('sources', i), sourceId));
    if (relation.statement !== undefined) {
      const statement = byId.get(relation.statement);
      if (!statement && malformedIds.has(relation.statement)) {
        // already reported at the entity
      } else if (!statement)
        problems.push(problemAt(at('statement'), `unknown statement "${relation.statement}": no entity with this id in the document`));
      else if (statement.type !== 'Statement')
        problems.push(problemAt(at('statement'), `"${relation.statement}" is a ${statement.type}, not a Statement`));
      else if (relation.quote !== undefined) {
        const statementText = (document.entities[statement.index] as { text: string }).text;
        if (!statementText.includes(relation.quote)) {
          problems.push(problemAt(at('quote'), `the quote is not verbatim in the text of statement "${relation.statement}"`));
        }
      }
    }
    for (const dateKey of RELATION_DATE_KEYS) {
      const value = relation[dateKey];
      if (value !== undefined && !parsePartialDate(value)) problems.push(problemAt(at(dateKey), `"${value}" is not a calendar date`));
    }
    for (const name of Object.keys(relation.properties ?? {})) {
      if (RESERVED_RELATION_KEYS.has(name)) {
        problems.push(problemAt(at('properties', name), `"${name}" is an evidence property: write it beside type/from/to, not under properties`));
      }
    }
  });
  return problems;
}

/** `['relations', 3, 'from']` → `relations[3].from`. */
function formatPath(path: Path): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Turns a zod issue into a message that names the value found, where zod's own does not. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path as Path);
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'type') {
    return value === undefined
      ? `missing entity type; expected one of ${ENTITY_TYPES.join(', ')}`
      : `unknown entity type ${JSON.stringify(value)}; expected one of ${ENTITY_TYPES.join(', ')}`;
  }
  if (issue.code === 'invalid_value' && last === 'type' && issue.path[0] === 'relations') {
    return `unknown relation type ${JSON.stringify(value)}; expected one of ${RELATION_TYPES.join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown propert${issue.keys.length === 1 ? 'y' : 'ies'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  }
  if (value === undefined) return `missing: ${issue.message}`;
  return value === undefined || typeof value === 'object' ? issue.message : `${issue.message} (got ${JSON.stringify(value)})`;
}

function valueAt(raw: unknown, path: Path): unknown {
  let current = raw;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

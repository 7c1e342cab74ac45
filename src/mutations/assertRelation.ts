import type { ManagedTransaction } from 'neo4j-driver';
import {
  buildSeedPlan,
  parsePartialDate,
  RESERVED_RELATION_KEYS,
  SEED_FORMAT,
  SOURCE_TEXT,
  seedRelationSchema,
  writeSeedPlan,
  type SeedDocument,
  type SeedSummary,
} from '../ingest';
import { isRelationType, RELATION_RULES, RELATION_TYPES, type RelationType } from '../model';
import { inputError, propertiesOf, withoutNulls, zodProblems, type FieldProblem } from './inputError';
import { checkVersion, lockEntities, readRelation, versionOf } from './lockAndRead';
import { resolveRefs } from './resolveRef';
import { runMutation, type MutationEnv } from './runMutation';
import { relationIdOf, type RelationWriteResult } from './WriteResult';

/** AssertRelationInput, as GraphQL hands it over. */
export interface AssertRelationInput {
  requestId?: string | null;
  type: string;
  from: string;
  to: string;
  source?: string | null;
  quote?: string | null;
  confidence?: number | null;
  date?: string | null;
  dateText?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  statement?: string | null;
  properties?: unknown;
  expectedVersion?: number | null;
}

const EVIDENCE_DATES = ['date', 'validFrom', 'validTo'] as const;

/** A statement's words (the source's are a :SourceText, SOURCE_TEXT). */
const STATEMENT_TEXT = 'MATCH (n:Entity {id: $id}) RETURN n.text AS text';

/** A relation asserted again after a retraction is back: the flag goes, the history (Retraction) stays. */
const REINSTATE = `
MATCH (:Entity {id: $from})-[r:$($type)]->(:Entity {id: $to})
WHERE r.retracted = true
SET r.version = coalesce(r.version, 0) + 1
REMOVE r.retracted, r.retractedReason, r.retractedAt, r.retractedBy
RETURN r.version AS version`;

/**
 * Asserts a relation with its evidence, as a one-relation seed document
 * would: the same format checks (type from the allow-list, confidence 0..1,
 * partial dates that are calendar dates, no evidence names among the
 * properties), the same rule of which entity types it connects, the same
 * merge. A source is required; a quote must appear verbatim in the
 * source's stored text (when it has one) and in the statement's.
 */
export async function assertRelation(env: MutationEnv, input: AssertRelationInput) {
  const problems = checkRelationInput(input);
  if (problems.length) throw inputError(problems);
  const type = input.type as RelationType;
  const rule = RELATION_RULES[type];

  return runMutation<RelationWriteResult>(env, 'assertRelation', 'editor', input, async (tx) => {
    const [from, to, source, statement = null] = await resolveRefs(tx, [
      { field: 'input.from', ref: input.from, types: rule.from, why: `${type} starts at ${rule.from.join(' or ')}` },
      { field: 'input.to', ref: input.to, types: rule.to, why: `${type} ends at ${rule.to.join(' or ')}` },
      { field: 'input.source', ref: input.source!, types: ['Source'], why: 'expected a Source' },
      ...(input.statement ? [{ field: 'input.statement', ref: input.statement, types: ['Statement'] as const, why: 'expected a Statement' }] : []),
    ]);
    if (from.id === to.id) throw inputError([{ field: 'input.to', message: `a relation cannot connect "${from.id}" to itself` }]);
    if (input.quote) {
      await checkQuote(tx, input.quote, source.id, 'source');
      if (statement) await checkQuote(tx, input.quote, statement.id, 'statement');
    }

    await lockEntities(tx, [from.id, to.id]);
    const before = await readRelation(tx, from.id, type, to.id);
    const relationId = relationIdOf(from.id, type, to.id);
    checkVersion('Relation', relationId, versionOf(before), input.expectedVersion, 'input.expectedVersion');

    const { requestId: _r, expectedVersion: _v, source: _s, from: _f, to: _t, statement: _st, properties, ...evidence } = input;
    const document = {
      format: SEED_FORMAT,
      document: { id: 'write-api' },
      defaults: { sources: [source.id] },
      entities: [],
      relations: [
        {
          ...withoutNulls(evidence),
          type,
          from: from.id,
          to: to.id,
          sources: [source.id],
          ...(statement ? { statement: statement.id } : {}),
          properties: propertiesOf(properties, 'input.properties', []),
        },
      ],
    } as unknown as SeedDocument;
    await writeSeedPlan(tx, buildSeedPlan(document, new Map()), { files: [], entities: {}, relations: {} } as SeedSummary);
    if (before?.retracted === true) await tx.run(REINSTATE, { from: from.id, type, to: to.id });
    const after = (await readRelation(tx, from.id, type, to.id))!;
    return {
      result: { relationId, type, from: from.id, to: to.id, version: versionOf(after), created: before === null, retracted: false },
      entityIds: [from.id, to.id],
      relationIds: [relationId],
      before: { [relationId]: before },
      after: { [relationId]: after },
      events: [{ kind: 'RELATION', entityId: from.id, relationId, relationType: type, to: to.id, version: versionOf(after), retracted: false }],
    };
  });
}

/** Field problems of the input that need no database, through the seed format's relation schema. */
function checkRelationInput(input: AssertRelationInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.source?.trim()) {
    problems.push({ field: 'input.source', message: 'a relation needs the Source (id or name) that asserts it' });
  }
  if (!isRelationType(input.type)) {
    problems.push({ field: 'input.type', message: `unknown relation type ${JSON.stringify(input.type)}; expected one of ${RELATION_TYPES.join(', ')}` });
    return problems;
  }
  const properties = propertiesOf(input.properties, 'input.properties', problems);
  for (const name of Object.keys(properties)) {
    if (RESERVED_RELATION_KEYS.has(name))
      problems.push({ field: `input.properties.${name}`, message: `"${name}" is evidence: write it beside type/from/to, not under properties` });
  }
  // Placeholders stand in for the references, which are resolved against the graph instead.
  const parsed = seedRelationSchema.safeParse({
    ...withoutNulls({
      quote: input.quote,
      confidence: input.confidence,
      date: input.date,
      dateText: input.dateText,
      validFrom: input.validFrom,
      validTo: input.validTo,
    }),
    type: input.type,
    from: 'from',
    to: 'to',
    sources: ['source'],
    properties,
  });
  if (!parsed.success) problems.push(...zodProblems(parsed.error.issues, (path) => ['input', ...path.map(String)].join('.')));
  for (const key of EVIDENCE_DATES) {
    const value = input[key];
    if (value !== null && value !== undefined && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) && !parsePartialDate(value)) {
      problems.push({ field: `input.${key}`, message: `"${value}" is not a calendar date` });
    }
  }
  return problems;
}

async function checkQuote(tx: ManagedTransaction, quote: string, id: string, what: 'source' | 'statement'): Promise<void> {
  const text = (await tx.run(what === 'source' ? SOURCE_TEXT : STATEMENT_TEXT, { id })).records[0]?.get('text') as string | null | undefined;
  if (typeof text === 'string' && !text.includes(quote)) {
    throw inputError([{ field: 'input.quote', message: `the quote is not verbatim in the stored text of ${what} "${id}"` }]);
  }
}

import fs from 'node:fs';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Db } from '../db';
import { ENTITY_TYPES, RELATION_TYPES } from '../model';
import { attachSourceTexts } from './attachSourceTexts';
import { buildSeedPlan, type SeedPlan } from './buildSeedPlan';
import { resolveSeedEntities } from './resolveSeedEntities';
import { SeedValidationError, type SeedProblem } from './SeedProblem';
import type { SeedDocument } from './seedDocumentSchema';
import { MERGE_ENTITIES, MERGE_RELATIONS, MERGE_SOURCE_TEXTS } from './seedQueries';
import { validateSeedDocument } from './validateSeedDocument';

/** What happened to the nodes of one label or the relationships of one type. */
export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The outcome of a load, per label and per relationship type (only those the documents touch). */
export interface SeedSummary {
  files: string[];
  entities: Record<string, SeedCounts>;
  relations: Record<string, SeedCounts>;
}

/** A document to load: its text and the name to report problems under. */
export interface SeedInput {
  file: string;
  text: string;
}

/** Options of a load. */
export interface LoadSeedOptions {
  /** Transaction timeout; loading is one transaction for all documents. Default 120 s. */
  timeoutMs?: number;
  /** Files larger than this are refused before they are read (SEED_MAX_BYTES). */
  maxBytes?: number;
}

/** SEED_MAX_BYTES's default: the article's seed is a few kB; 5 MB leaves room for many documents. */
export const DEFAULT_SEED_MAX_BYTES = 5_000_000;

/**
 * Validates every document, then throws SeedValidationError listing every
 * problem of every file if there is any. Needs no database.
 */
export function validateSeedInputs(inputs: readonly SeedInput[]): SeedDocument[] {
  const problems: SeedProblem[] = [];
  const documents: SeedDocument[] = [];
  for (const input of inputs) {
    const validation = validateSeedDocument(input.text, input.file);
    problems.push(...validation.problems);
    if (validation.document) documents.push(validation.document);
  }
  if (problems.length) throw new SeedValidationError(problems);
  return documents;
}

/**
 * Loads seed documents into the graph: all or nothing. Every document is
 * validated first (nothing is written if any has a problem); then, in one
 * write transaction, each document's entities are resolved against the graph
 * (see resolveSeedEntities) and merged in batches — one UNWIND … MERGE per
 * label, then one per relationship type. Loading the same documents again
 * changes nothing, and the summary says so.
 */
export async function loadSeedDocuments(db: Db, inputs: readonly SeedInput[], options: LoadSeedOptions = {}): Promise<SeedSummary> {
  const documents = validateSeedInputs(inputs);
  const summary: SeedSummary = { files: inputs.map((input) => input.file), entities: {}, relations: {} };
  await db.writeTransaction('loadSeed', (tx) => writeSeedDocuments(tx, documents, inputs, summary), {
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  return summary;
}

/**
 * The body of a load, inside a write transaction the caller owns (the CLI's,
 * or a mutation's that also writes its audit entry): resolves and writes
 * each validated document, counting into `summary`, and throws
 * SeedValidationError (so the caller's transaction rolls back whole) when an
 * entity does not resolve. Returns the graph ids the documents' entities
 * resolved to.
 */
export async function writeSeedDocuments(
  tx: ManagedTransaction,
  documents: readonly SeedDocument[],
  inputs: readonly SeedInput[],
  summary: SeedSummary,
): Promise<string[]> {
  const problems: SeedProblem[] = [];
  const touched: string[] = [];
  // Each document is resolved after the ones before it are written, so a
  // second document of the same run can refer to entities of the first.
  for (const [index, document] of documents.entries()) {
    const { resolved, problems: found } = await resolveSeedEntities(tx, document, inputs[index].file);
    problems.push(...found);
    if (found.length) continue;
    const plan = buildSeedPlan(document, resolved);
    const unreadable = attachSourceTexts(plan);
    problems.push(...unreadable.map((message) => ({ file: inputs[index].file, path: 'entities', message })));
    if (unreadable.length) continue;
    touched.push(...[...resolved.values()].map((r) => r.targetId));
    await writeSeedPlan(tx, plan, summary);
  }
  // Throwing rolls the whole transaction back: nothing of any document stays.
  if (problems.length) throw new SeedValidationError(problems);
  return touched;
}

/** Reads seed files from disk and loads them (see loadSeedDocuments). */
export async function loadSeedFiles(db: Db, files: readonly string[], options?: LoadSeedOptions): Promise<SeedSummary> {
  return loadSeedDocuments(db, readSeedFiles(files, options?.maxBytes), options);
}

/**
 * Reads seed files as SeedInputs, reporting an unreadable file as a problem
 * rather than a crash. A file over `maxBytes` is refused by its size alone,
 * before it is read: parsing a 50 MB YAML file took 77 s and 1.3 GB.
 */
export function readSeedFiles(files: readonly string[], maxBytes = DEFAULT_SEED_MAX_BYTES): SeedInput[] {
  const problems: SeedProblem[] = [];
  const inputs: SeedInput[] = [];
  for (const file of files) {
    try {
      const size = fs.statSync(file).size;
      if (size > maxBytes) {
        problems.push({ file, path: '', message: `the file is ${size} bytes; at most ${maxBytes} are read (SEED_MAX_BYTES)` });
        continue;
      }
      inputs.push({ file, text: fs.readFileSync(file, 'utf8') });
    } catch (error) {
      problems.push({ file, path: '', message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  return inputs;
}

/** Writes a plan's entities, then its relationships, counting what each row did into `summary`. */
export async function writeSeedPlan(tx: ManagedTransaction, plan: SeedPlan, summary: SeedSummary): Promise<void> {
  // Entities first, so that every relationship finds both of its ends.
  const entities = ENTITY_TYPES.flatMap((label) => (plan.entities[label] ?? []).map((row) => ({ ...row, label })));
  const relations = RELATION_TYPES.flatMap((type) => (plan.relations[type] ?? []).map((row) => ({ ...row, type })));
  if (entities.length) {
    const outcomes = await mergeBatch(tx, MERGE_ENTITIES, entities);
    entities.forEach((row, i) => count(summary.entities, row.label, outcomes[i]));
  }
  if (relations.length) {
    const outcomes = await mergeBatch(tx, MERGE_RELATIONS, relations);
    relations.forEach((row, i) => count(summary.relations, row.type, outcomes[i]));
  }
  if (plan.sourceTexts?.length) await tx.run(MERGE_SOURCE_TEXTS, { rows: plan.sourceTexts });
}

async function mergeBatch(tx: ManagedTransaction, query: string, rows: unknown[]) {
  const result = await tx.run(query, { rows });
  // A relationship whose end is missing would be skipped silently by MATCH; it cannot happen after resolution, so say so loudly.
  if (result.records.length !== rows.length) {
    throw new Error(`Seed batch wrote ${result.records.length} of ${rows.length} rows`);
  }
  return result.records.map((record) => ({ created: record.get('created') as boolean, unchanged: record.get('unchanged') as boolean }));
}

function count(into: Record<string, SeedCounts>, key: string, outcome: { created: boolean; unchanged: boolean }) {
  const counts = (into[key] ??= { created: 0, updated: 0, unchanged: 0 });
  if (outcome.created) counts.created += 1;
  else if (outcome.unchanged) counts.unchanged += 1;
  else counts.updated += 1;
}

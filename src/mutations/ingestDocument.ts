import { SeedValidationError, validateSeedInputs, writeSeedDocuments, type SeedSummary } from '../ingest';
import { inputError } from './inputError';
import { readEntities, versionOf } from './lockAndRead';
import { runMutation, type MutationEnv } from './runMutation';

/** IngestDocumentInput, as GraphQL hands it over. */
export interface IngestDocumentInput {
  requestId?: string | null;
  document: string;
  name?: string | null;
}

/** What ingestDocument answers (GraphQL IngestWrite, without write). */
export interface IngestResult {
  entityIds: string[];
  summary: SeedSummary;
}

/**
 * Ingests one seed document exactly as `npm run seed` does (src/ingest):
 * validated whole first (every problem reported, nothing written), then
 * resolved and merged in the mutation's one transaction, with its audit
 * entry. A problem found while resolving rolls everything back.
 */
export async function ingestDocument(env: MutationEnv, input: IngestDocumentInput, maxBytes: number) {
  const size = Buffer.byteLength(input.document, 'utf8');
  if (size > maxBytes) throw inputError([{ field: 'input.document', message: `the document is ${size} bytes; at most ${maxBytes} (INGEST_MAX_BYTES)` }]);
  const name = input.name?.trim() || 'document';
  const inputs = [{ file: name, text: input.document }];
  const documents = asInputErrors(() => validateSeedInputs(inputs));

  return runMutation<IngestResult>(env, 'ingestDocument', 'editor', input, async (tx) => {
    const summary: SeedSummary = { files: [name], entities: {}, relations: {} };
    const entityIds = await asInputErrorsAsync(() => writeSeedDocuments(tx, documents, inputs, summary));
    const after = await readEntities(tx, entityIds);
    return {
      result: { entityIds, summary },
      entityIds,
      relationIds: [],
      before: null,
      // A document touches many things: its record is what the load counted and the versions it left.
      after: { summary, versions: Object.fromEntries(entityIds.map((id) => [id, versionOf(after.get(id))])) },
      events: entityIds.map((id) => ({
        kind: 'ENTITY' as const,
        entityId: id,
        relationId: null,
        relationType: null,
        to: null,
        version: versionOf(after.get(id)),
        retracted: false,
      })),
    };
  });
}

/** The seed loader's problems (file, path, line, message) as input problems of input.document. */
function toInputError(error: SeedValidationError) {
  return inputError(
    error.problems.map((p) => ({
      field: `input.document${p.path ? `.${p.path}` : ''}`,
      message: `${p.line ? `line ${p.line}: ` : ''}${p.message}`,
    })),
  );
}

function asInputErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof SeedValidationError ? toInputError(error) : error;
  }
}

async function asInputErrorsAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof SeedValidationError ? toInputError(error) : error;
  }
}

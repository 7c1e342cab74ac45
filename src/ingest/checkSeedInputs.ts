import { memoryCandidateSource } from '../resolution';
import { validateSeedInputs, type SeedInput } from './loadSeedDocuments';
import { resolveDocumentEntities } from './resolveSeedEntities';
import { SeedValidationError, type SeedProblem } from './SeedProblem';
import type { SeedDocument } from './seedDocumentSchema';

/**
 * What `seed --check` does, without a database: validates every document,
 * then resolves each against the documents before it in the list (in
 * memory, with the same rules as a load), so that a document that would
 * stop a load for review, or claim one entity twice, is reported before
 * anything is loaded. Throws SeedValidationError listing every problem.
 * A document's entities that are already in the database but not in the
 * listed documents are not seen; the load itself resolves against the graph.
 */
export async function checkSeedInputs(inputs: readonly SeedInput[]): Promise<SeedDocument[]> {
  const documents = validateSeedInputs(inputs);
  const source = memoryCandidateSource();
  const problems: SeedProblem[] = [];
  for (const [index, document] of documents.entries()) {
    const { resolved, problems: found } = await resolveDocumentEntities(source, document, inputs[index].file);
    problems.push(...found);
    for (const entity of document.entities) {
      const target = resolved.get(entity.id)?.targetId ?? entity.id;
      const relatedIds = document.relations.flatMap((r) => (r.from === entity.id ? [r.to] : r.to === entity.id ? [r.from] : []));
      source.add({ id: target, type: entity.type, name: entity.name, aliases: entity.aliases ?? [], relatedIds });
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  return documents;
}

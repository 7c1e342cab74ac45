import type { ManagedTransaction } from 'neo4j-driver';
import { toPlain } from '../db';
import { formatCandidates, graphCandidateSource, resolveMentions, type CandidateSource, type Mention, type ResolutionOutcome } from '../resolution';
import type { Resolution } from './buildSeedPlan';
import type { SeedProblem } from './SeedProblem';
import type { SeedDocument } from './seedDocumentSchema';

/**
 * Maps each entity of a document onto the graph through src/resolution, so
 * that a document that mentions "Vladimir V. Putin", "Zelenskyy" or
 * "Witkoff" joins the entities already there instead of duplicating them.
 * Runs inside the loading transaction, so it sees what earlier documents of
 * the same run wrote. See resolveDocumentEntities for the outcomes.
 */
export async function resolveSeedEntities(
  tx: ManagedTransaction,
  document: SeedDocument,
  file: string,
): Promise<{ resolved: Map<string, Resolution>; problems: SeedProblem[] }> {
  const source = graphCandidateSource(async (_name, query, params) => {
    const result = await tx.run(query, params);
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  });
  return resolveDocumentEntities(source, document, file);
}

/**
 * Resolves a document's entities against any candidate source (the graph
 * while loading, the documents before it for `seed --check`). A match joins
 * the entity; a create makes a new one; a review stops the load with a
 * problem that lists the candidates with their scores and asks for
 * `sameAs: <id>` or `distinctFrom: [ids]` on the entity. Two document
 * entities may not resolve to the same graph entity.
 */
export async function resolveDocumentEntities(
  source: CandidateSource,
  document: SeedDocument,
  file: string,
): Promise<{ resolved: Map<string, Resolution>; problems: SeedProblem[] }> {
  const related = relatedIdsByEntity(document);
  const mentions: Mention[] = document.entities.map((entity) => ({
    key: entity.id,
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: entity.aliases,
    sameAs: entity.sameAs,
    distinctFrom: entity.distinctFrom,
    relatedIds: related.get(entity.id) ?? [],
  }));
  const outcomes = await resolveMentions(source, mentions);

  const resolved = new Map<string, Resolution>();
  const problems: SeedProblem[] = [];
  const claimedBy = new Map<string, string>();
  outcomes.forEach((outcome, index) => {
    const entity = document.entities[index];
    const at = { file, path: `entities[${index}]` };
    const resolution = toResolution(outcome, entity.id);
    if ('message' in resolution) {
      problems.push({ ...at, path: `${at.path}.${resolution.field}`, message: resolution.message });
      return;
    }
    const other = claimedBy.get(resolution.targetId);
    if (other !== undefined) {
      problems.push({ ...at, path: `${at.path}.id`, message: `"${entity.id}" and "${other}" both resolve to the graph entity "${resolution.targetId}"` });
      return;
    }
    claimedBy.set(resolution.targetId, entity.id);
    resolved.set(entity.id, resolution);
  });
  return { resolved, problems };
}

function toResolution(outcome: ResolutionOutcome, id: string): Resolution | { field: string; message: string } {
  switch (outcome.outcome) {
    case 'match':
      return { targetId: outcome.targetId, via: outcome.via };
    case 'create':
      return { targetId: id, via: 'new' };
    case 'invalid':
      return { field: outcome.message.startsWith('sameAs') ? 'sameAs' : 'type', message: outcome.message };
    case 'review':
      return {
        field: 'name',
        message:
          `"${id}" needs review (${outcome.reason}): candidates ${formatCandidates(outcome.candidates)}. ` +
          `Add sameAs: <id> if it is one of them, or distinctFrom: [${outcome.candidates.map((c) => c.id).join(', ')}] if it is none`,
      };
  }
}

/** For each entity of the document, the ids at the other end of its relations: context for resolution. */
function relatedIdsByEntity(document: SeedDocument): Map<string, string[]> {
  const related = new Map<string, string[]>();
  const add = (a: string, b: string) => (related.get(a) ?? related.set(a, []).get(a)!).push(b);
  for (const relation of document.relations) {
    add(relation.from, relation.to);
    add(relation.to, relation.from);
  }
  return related;
}

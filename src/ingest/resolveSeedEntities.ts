import type { ManagedTransaction } from 'neo4j-driver';
import { toPlain } from '../db';
import type { Resolution } from './buildSeedPlan';
import { nameKey } from './nameKey';
import type { SeedProblem } from './SeedProblem';
import type { SeedDocument } from './seedDocumentSchema';
import { RESOLVE_ENTITIES } from './seedQueries';

interface ResolveRow {
  id: string;
  sameLabels: string[] | null;
  byNameIds: string[];
  byAliasIds: string[];
}

/**
 * Maps each entity of a document onto the graph, so that a document that
 * mentions "Vladimir Putin" or "Witkoff" joins the entities already there
 * instead of duplicating them:
 * 1. an entity with the same id is the same entity (it must have the same type);
 * 2. otherwise an entity of the same type whose name is the document's name
 *    or one of its aliases, or which has the document's name as an alias;
 * 3. otherwise the entity is new.
 * Runs inside the loading transaction, so it sees what earlier documents of
 * the same run wrote. A name that matches several entities is a problem, not
 * a guess.
 */
export async function resolveSeedEntities(
  tx: ManagedTransaction,
  document: SeedDocument,
  file: string,
): Promise<{ resolved: Map<string, Resolution>; problems: SeedProblem[] }> {
  const candidates = document.entities.map((entity) => ({
    id: entity.id,
    label: entity.type,
    nameKey: nameKey(entity.name),
    keys: [entity.name, ...(entity.aliases ?? [])].map(nameKey),
  }));
  const result = await tx.run(RESOLVE_ENTITIES, { candidates });
  const rows = new Map(result.records.map((record) => {
    const row = toPlain(record.toObject()) as ResolveRow;
    return [row.id, row] as const;
  }));

  const resolved = new Map<string, Resolution>();
  const problems: SeedProblem[] = [];
  const claimedBy = new Map<string, string>();
  document.entities.forEach((entity, index) => {
    const row = rows.get(entity.id);
    const at = { file, path: `entities[${index}]` };
    let resolution: Resolution;
    if (row?.sameLabels?.length) {
      if (!row.sameLabels.includes(entity.type)) {
        problems.push({ ...at, path: `${at.path}.type`, message: `"${entity.id}" is already in the graph as a ${row.sameLabels.join('/')}, not a ${entity.type}` });
        return;
      }
      resolution = { targetId: entity.id, via: 'id' };
    } else {
      const matches = [...new Set([...(row?.byNameIds ?? []), ...(row?.byAliasIds ?? [])])].sort();
      if (matches.length > 1) {
        problems.push({
          ...at,
          path: `${at.path}.name`,
          message: `"${entity.name}" matches several ${entity.type} entities in the graph (${matches.join(', ')}); use the id of the one meant`,
        });
        return;
      }
      resolution = matches.length === 1 ? { targetId: matches[0], via: 'name' } : { targetId: entity.id, via: 'new' };
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

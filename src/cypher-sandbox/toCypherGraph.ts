import type { Db } from '../db';
import type { CollectedNode, GraphCollector } from './GraphCollector';

/** An entity of an analyst result's graph view. */
export interface CypherGraphNodeRecord {
  id: string;
  type: string | null;
  name: string | null;
}

/** A relationship of an analyst result's graph view, between two entities; `properties` still holds its evidence. */
export interface CypherGraphRelationshipRecord {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

/** Nodes and relationships of an analyst result, by entity id. */
export interface CypherGraphRecord {
  nodes: CypherGraphNodeRecord[];
  relationships: CypherGraphRelationshipRecord[];
}

/** The ends of relationships a query returned without their nodes: read by element id, only their id, type and name. */
const ENDPOINTS_QUERY = `
UNWIND $elementIds AS elementId
MATCH (n) WHERE elementId(n) = elementId
RETURN elementId, n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name`;

/**
 * The graph view of an analyst result: every entity the rows hold (as its
 * entity id, type and name, never Neo4j's element id or internal
 * properties) and every relationship between entities, named by its ends'
 * entity ids. Ends of returned relationships whose nodes were not returned
 * are looked up in one more read. Nodes without an entity id (none in
 * this model) are left out, and so are relationships to them.
 */
export async function toCypherGraph(db: Db, collector: GraphCollector): Promise<CypherGraphRecord> {
  const nodes = new Map<string, CollectedNode>(collector.nodes);
  const missing = new Set<string>();
  for (const relationship of collector.relationships.values()) {
    for (const end of [relationship.startElementId, relationship.endElementId]) if (!nodes.has(end)) missing.add(end);
  }
  if (missing.size) {
    const rows = await db.read<{ elementId: string; id: unknown; label: string | null; name: unknown }>('analyst.graphEndpoints', ENDPOINTS_QUERY, {
      elementIds: [...missing],
    });
    for (const row of rows) {
      nodes.set(row.elementId, {
        elementId: row.elementId,
        id: typeof row.id === 'string' ? row.id : null,
        type: row.label?.toUpperCase() ?? null,
        name: typeof row.name === 'string' ? row.name : null,
      });
    }
  }
  const entityIdOf = (elementId: string) => nodes.get(elementId)?.id ?? null;
  const byId = new Map<string, CypherGraphNodeRecord>();
  for (const node of nodes.values()) if (node.id) byId.set(node.id, { id: node.id, type: node.type, name: node.name });
  const relationships: CypherGraphRelationshipRecord[] = [];
  for (const relationship of collector.relationships.values()) {
    const from = entityIdOf(relationship.startElementId);
    const to = entityIdOf(relationship.endElementId);
    if (!from || !to) continue;
    relationships.push({ id: `${from}-${relationship.type}-${to}`, type: relationship.type, from, to, properties: relationship.properties });
  }
  return { nodes: [...byId.values()], relationships };
}

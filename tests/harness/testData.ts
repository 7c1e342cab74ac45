import type { ProfiledPlan } from 'neo4j-driver';
import type { Db } from '../../src/db';

/**
 * Removes every entity whose id starts with `prefix`, with its
 * relationships, 5,000 nodes per transaction so that a test-owned hub of
 * tens of thousands of relationships never needs one huge transaction.
 */
export async function deleteEntitiesWithPrefix(db: Db, prefix: string): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ deleted: number }>(
      'deleteTestEntities',
      'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted',
      { prefix },
    );
    if (!row || row.deleted === 0) return;
  }
}

/** The db hits of a profiled plan, summed over the whole operator tree. */
export function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

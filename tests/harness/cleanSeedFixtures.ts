import type { Db } from '../../src/db';
import { normalizeName } from '../../src/resolution';

/**
 * Undoes what fixture documents (ids starting with `prefix`) did to the
 * graph: their entities go; on the entities they joined, their sources,
 * claims and former ids go, and so do the aliases they added (`aliases`,
 * with their keys), so that the graph's fingerprint is the one before.
 */
export async function cleanSeedFixtures(db: Db, prefix: string, aliases: readonly string[] = []): Promise<void> {
  await db.write(
    'cleanFixtureJoins',
    `MATCH (n:Entity)
     WHERE any(s IN coalesce(n.sources, []) WHERE s STARTS WITH $prefix)
        OR any(c IN coalesce(n.claims, []) WHERE c STARTS WITH '{"document":"' + $prefix)
        OR any(x IN coalesce(n.otherIds, []) WHERE x STARTS WITH $prefix)
        OR any(a IN coalesce(n.aliases, []) WHERE a IN $aliases)
     WITH n, [a IN n.aliases WHERE NOT a IN $aliases] AS kept, [x IN coalesce(n.otherIds, []) WHERE NOT x STARTS WITH $prefix] AS otherIds
     SET n.sources = [s IN n.sources WHERE NOT s STARTS WITH $prefix],
         n.claims = [c IN n.claims WHERE NOT c STARTS WITH '{"document":"' + $prefix],
         n.otherIds = CASE WHEN size(otherIds) = 0 THEN null ELSE otherIds END,
         n.aliases = kept,
         n.aliasKeys = [k IN n.aliasKeys WHERE NOT k IN $keys],
         n.aliasesText = reduce(t = '', a IN kept | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + a)`,
    { prefix, aliases: [...aliases], keys: aliases.map(normalizeName) },
  );
  await db.write(
    'cleanFixtureRelSources',
    `MATCH ()-[r]->() WHERE any(s IN r.sources WHERE s STARTS WITH $prefix)
     SET r.sources = [s IN r.sources WHERE NOT s STARTS WITH $prefix]`,
    { prefix },
  );
  await db.write('cleanFixtureEntities', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
}

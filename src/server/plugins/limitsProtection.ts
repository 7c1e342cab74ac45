import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../../config';

/**
 * Depth, cost, alias, directive and token limits on every operation, from
 * graphql-armor, checked during validation, before any resolver runs.
 * Field suggestions are blocked so the schema cannot be probed by typos.
 */
export function limitsProtection(limits: Config['limits']) {
  return new ApolloArmor({
    maxDepth: { n: limits.queryMaxDepth, flattenFragments: true },
    costLimit: { maxCost: limits.queryMaxCost },
    maxAliases: { n: limits.queryMaxAliases },
    maxDirectives: { n: 20 },
    maxTokens: { n: 5_000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

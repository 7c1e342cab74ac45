import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../../config';

/**
 * Syntax limits on every operation, from graphql-armor, checked during
 * validation: aliases, directives, tokens, and raw selection depth as a
 * safety net against absurd nesting. What an operation costs is estimated
 * after its variables are known, by the cost plugin (costLimitPlugin).
 * Field suggestions are blocked so the schema cannot be probed by typos.
 */
export function limitsProtection(limits: Config['limits']) {
  return new ApolloArmor({
    maxDepth: { n: limits.queryMaxDepth, flattenFragments: true },
    // Replaced by the estimate, which multiplies by `first` given as a variable too and counts relation levels.
    costLimit: { enabled: false },
    maxAliases: { n: limits.queryMaxAliases },
    maxDirectives: { n: 20 },
    maxTokens: { n: 5_000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

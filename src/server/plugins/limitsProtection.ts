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
  const armor = new ApolloArmor({
    maxDepth: { n: limits.queryMaxDepth, flattenFragments: true },
    // Replaced by the estimate, which multiplies by `first` given as a variable too and counts relation levels.
    costLimit: { enabled: false },
    maxAliases: { n: limits.queryMaxAliases },
    maxDirectives: { n: 20 },
    // The token limit is the parser's own (parseOptions below): graphql-armor's runs a second parser in a
    // plugin hook, where any syntax error becomes an HTTP 500 instead of a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: MAX_TOKENS } };
}

/** Most lexical tokens a document may have; graphql-js stops parsing beyond it (GRAPHQL_PARSE_FAILED, HTTP 400). */
export const MAX_TOKENS = 5_000;

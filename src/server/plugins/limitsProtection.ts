import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../../config';

/**
 * Depth, cost, alias, directive and token limits on every operation, from
 * graphql-armor, checked during validation, before any resolver runs.
 * Field suggestions are blocked so the schema cannot be probed by typos.
 */
export function limitsProtection(limits: Config['limits']) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.queryMaxDepth, flattenFragments: true },
    // graphql-armor's default depth factor (1.5) compounds over the three levels a connection adds
    // per relation (field, edges, node), so a plain three-relation query would cost ~50,000; 1.2 keeps
    // the estimate proportional while a literal `first` still multiplies it.
    costLimit: { maxCost: limits.queryMaxCost, depthCostFactor: 1.2 },
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

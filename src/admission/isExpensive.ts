import type { CostEstimate } from './estimateCost';

/**
 * Whether a request goes through the expensive lane: search and exploration
 * always do (their cost depends on data the estimate cannot see: fuzzy terms,
 * hubs on the way), and so does anything whose estimate reaches
 * ADMISSION_EXPENSIVE_COST (deep or wide relation selections, totalCount on
 * many lists). Analyst Cypher has its own concurrency limit.
 */
export function isExpensive(estimate: CostEstimate | undefined, expensiveCost: number): boolean {
  if (!estimate) return false;
  return estimate.expensiveFields.length > 0 || estimate.cost >= expensiveCost;
}

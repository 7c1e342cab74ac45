import type { Config } from '../config';
import type { CostLimits } from './estimateCost';

/** The limits the cost estimate checks, from the configuration (QUERY_MAX_COST, ADMISSION_MAX_ROWS and _HOPS, LIST_*, EXPLORATION_*). */
export function costLimitsOf(config: Config): CostLimits {
  return {
    maxCost: config.limits.queryMaxCost,
    maxRows: config.admission.maxRows,
    maxHops: config.admission.maxHops,
    listDefault: config.limits.listDefault,
    listMax: config.limits.listMax,
    exploration: config.exploration,
  };
}

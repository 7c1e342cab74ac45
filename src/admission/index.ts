export { estimateCost } from './estimateCost';
export type { CostEstimate, CostLimits, CostPart, CostViolation } from './estimateCost';
export { createPermitPool } from './createPermitPool';
export type { PermitPool, PermitPoolOptions } from './createPermitPool';
export { isExpensive } from './isExpensive';
export { tooManyRequests } from './tooManyRequests';
export { createClientBudgets, rateLimitHeaders } from './createClientBudgets';
export type { BudgetState, ClientBudgets } from './createClientBudgets';
export { clientConcurrencyGate } from './clientConcurrencyGate';

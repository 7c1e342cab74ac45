export { createCypherSandbox } from './createCypherSandbox';
export type { CallInfo, CypherRequest, CypherSandbox, RowSink, StreamedQuery } from './createCypherSandbox';
export type { CypherNotification, CypherPlan, CypherPlanOperator, CypherResult, CypherSummary } from './CypherTypes';
export { SavedQueryError } from './loadSavedQueries';
export type { SavedQuery, SavedQueryParameter } from './SavedQuery';
export { toCypherGraph } from './toCypherGraph';
export type { CypherGraphRecord, CypherGraphRelationshipRecord } from './toCypherGraph';

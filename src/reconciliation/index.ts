export { reconciliationRouter } from './reconciliationRouter';
export type { ReconciliationDeps } from './reconciliationRouter';
export { reconcile } from './reconcile';
export type { ReconcileCandidate } from './reconcile';
export { parseQueries } from './parseQueries';
export type { ReconcileQuery } from './parseQueries';
export { reconciliationManifest } from './manifest';

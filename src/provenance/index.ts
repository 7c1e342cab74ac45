export { parseClaims } from './ClaimRecord';
export type { ClaimRecord, StoredClaim } from './ClaimRecord';
export { reportsOf } from './reportsOf';
export type { ReportRecord } from './reportsOf';
export { findEntityByReference } from './findEntityByReference';

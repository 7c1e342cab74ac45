export { listValues } from './listValues';
export { findAssertions } from './findAssertions';
export type { AssertionRecord, AssertionWhere } from './findAssertions';

export { searchEntities } from './searchEntities';
export type { SearchHitRecord } from './searchEntities';
export { luceneQuery, escapeLucene, searchWords, MAX_SEARCH_WORDS } from './luceneQuery';

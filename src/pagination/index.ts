export { pageSize } from './pageSize';
export { encodeCursor, decodeCursor } from './cursor';
export { toConnection } from './Connection';
export type { Connection, Edge, PageInfo } from './Connection';

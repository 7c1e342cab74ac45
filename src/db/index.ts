export { createDb } from './createDb';
export type { Db, DbOptions, Params, QueryOptions } from './createDb';
export { connectDriver, ConnectError } from './connectDriver';
export { mapNeo4jError } from './mapNeo4jError';
export { toPlain } from './toPlain';
export { openDatabase } from './openDatabase';
export type { OpenDatabase } from './openDatabase';
export { terminateTransactions } from './terminateTransactions';
export { abandonSession } from './abandonSession';

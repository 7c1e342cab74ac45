export { listEntities, listQuery, countQuery } from './listEntities';
export type { ListArgs } from './listEntities';
export { ORDERINGS } from './entityOrderings';
export type { Ordering, OrderingName } from './entityOrderings';
export type { EntityWhere } from './whereClause';

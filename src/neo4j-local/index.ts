export { startLocalNeo4j } from './startLocalNeo4j';
export type { LocalNeo4j, LocalNeo4jOptions } from './startLocalNeo4j';
export { PrerequisiteError } from './checkPrerequisites';
export { neo4jVersion } from './resolveNeo4jJars';

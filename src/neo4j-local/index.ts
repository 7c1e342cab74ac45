export { startLocalNeo4j, DEFAULT_RESTART_POLICY } from './startLocalNeo4j';
export { LocalNeo4jError } from './LocalNeo4jError';
export type { RestartPolicy, Supervisor, SupervisorState } from './superviseNeo4j';
export type { LocalNeo4j, LocalNeo4jOptions } from './startLocalNeo4j';
export { PrerequisiteError } from './checkPrerequisites';
export { neo4jVersion } from './resolveNeo4jJars';

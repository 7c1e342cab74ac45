export { loadConfig, ConfigError } from './loadConfig';
export type { Config } from './loadConfig';
export { projectRoot } from './projectRoot';

export { loadConfig, ConfigError, CONFIG_VARIABLES } from './loadConfig';
export type { Config } from './loadConfig';
export { projectRoot } from './projectRoot';

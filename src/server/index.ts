export { createApp } from './createApp';
export type { App, AppDeps, ExecuteResult } from './createApp';
export type { Context } from './Context';
export { createLogger } from './logger';
export type { Logger } from './logger';

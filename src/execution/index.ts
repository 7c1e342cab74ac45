export { compiledExecution, type CompiledExecution, type Executor } from './compiledExecution';
export type { KnownRead } from './KnownReads';

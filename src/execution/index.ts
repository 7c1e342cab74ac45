export { compiledExecution, type Executor } from './compiledExecution';

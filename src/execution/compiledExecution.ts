import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { shareReads } from '../compile';
import type { Config } from '../config';
import type { Context } from '../server/Context';
import { CompileBudget } from './CompileBudget';
import { CompiledOperations } from './CompiledOperations';
import { runsCompiled } from './runsCompiled';

/** How an operation ran: compiled, in graphql-js, or in graphql-js again after its compiled run reported errors. */
export type Executor = 'compiled' | 'graphql-js' | 'rerun';

/** A compiled run's result; null when it threw instead of reporting errors (graphql-js then answers, as for errors). */
async function runCompiled(compiled: CompiledQuery, context: unknown, variables: Record<string, unknown> | undefined) {
  try {
    return await compiled.query(undefined, context, variables ?? {});
  } catch {
    return null;
  }
}

/**
 * How Apollo Server runs operations: the typed reads that clients repeat
 * run as JavaScript compiled from their selection by graphql-jit (no
 * per-field resolve-info, path and promise bookkeeping of graphql-js);
 * everything else runs in graphql-js.
 *
 * graphql-js stays the reference: when a compiled run reports any error, the
 * operation runs again in graphql-js and that answer is sent, so errors,
 * partial data and their codes are exactly what graphql-js gives (the typed
 * reads have no side effects; see runsCompiled). The run again reads
 * nothing the compiled run has read (shareReads). Apollo's gateway interface
 * is its extension point for executing operations: parsing, validation,
 * plugins, the context and error formatting stay Apollo's.
 *
 * @param execution compileAfter: compile an operation on its n-th use, 0 never compiles; compileMsPerSecond: the compile budget
 * @param executed told how each operation ran (for the executions metric)
 */
export function compiledExecution(
  schema: GraphQLSchema,
  execution: Config['execution'],
  executed: (executor: Executor) => void = () => {},
): GatewayInterface {
  const operations = new CompiledOperations(schema, execution.compileAfter, new CompileBudget(execution.compileMsPerSecond));
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        async executor(request): Promise<GatewayExecutionResult> {
          const { document, operation, operationName, context } = request;
          const variableValues = request.request.variables;
          const run = async (compiled: CompiledQuery | undefined): Promise<GatewayExecutionResult> => {
            if (compiled) {
              const result = await runCompiled(compiled, context, variableValues);
              if (result && !result.errors?.length) {
                executed('compiled');
                return result as GatewayExecutionResult;
              }
            }
            executed(compiled ? 'rerun' : 'graphql-js');
            return execute({ schema, document, contextValue: context, variableValues, operationName });
          };
          if (!runsCompiled(operation)) return run(undefined);
          // A run again in graphql-js answers from the rows the compiled run read (src/compile/sharedReads).
          return shareReads((context as Pick<Context, 'db'>).db, () => run(operations.get(document, operationName)));
        },
      };
    },
    async stop() {},
  };
}

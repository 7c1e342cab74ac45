import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { shareReads } from '../compile';
import type { Config } from '../config';
import type { Context } from '../server/Context';
import { CompileBudget } from './CompileBudget';
import { CompiledOperations } from './CompiledOperations';
import { KnownReads, type KnownRead } from './KnownReads';
import { runsCompiled } from './runsCompiled';

/** How an operation ran: compiled, in graphql-js, or in graphql-js again after its compiled run reported errors. */
export type Executor = 'compiled' | 'graphql-js' | 'rerun';

/** What the application runs operations with. */
export interface CompiledExecution {
  /** How Apollo Server runs every operation (its gateway interface). */
  gateway: GatewayInterface;
  /** A typed read that has already run compiled without errors, by the query text and operation name a request sent. */
  known(query: string, operationName: string | null): KnownRead | undefined;
  /** Runs a known read as the gateway runs it: compiled, and in graphql-js again when that reports errors. */
  execute(read: KnownRead, context: Context, variables: Record<string, unknown> | undefined): Promise<GatewayExecutionResult>;
  /**
   * Gives Apollo the result of a read already run for this request's
   * context: its gateway returns that instead of running the operation
   * again, so Apollo formats and sends it (errors, partial data) as its own.
   */
  handOver(context: Context, result: GatewayExecutionResult): void;
}

/** A compiled run's result; null when it threw instead of reporting errors (graphql-js then answers, as for errors). */
async function runCompiled(compiled: CompiledQuery, context: unknown, variables: Record<string, unknown> | undefined) {
  try {
    return await compiled.query(undefined, context, variables ?? {});
  } catch {
    return null;
  }
}

/**
 * How operations run: the typed reads that clients repeat run as
 * JavaScript compiled from their selection by graphql-jit (no per-field
 * resolve-info, path and promise bookkeeping of graphql-js); everything
 * else runs in graphql-js.
 *
 * graphql-js stays the reference: when a compiled run reports any error, the
 * operation runs again in graphql-js and that answer is sent, so errors,
 * partial data and their codes are exactly what graphql-js gives (the typed
 * reads have no side effects; see runsCompiled). The run again reads
 * nothing the compiled run has read (shareReads). Apollo's gateway interface
 * is its extension point for executing operations: parsing, validation,
 * plugins, the context and error formatting stay Apollo's. A read that has
 * run compiled without errors becomes known (KnownReads), for the read lane.
 *
 * @param execution compileAfter: compile an operation on its n-th use, 0 never compiles; compileMsPerSecond: the compile budget
 * @param executed told how each operation ran (for the executions metric)
 */
export function compiledExecution(
  schema: GraphQLSchema,
  execution: Config['execution'],
  executed: (executor: Executor) => void = () => {},
): CompiledExecution {
  const operations = new CompiledOperations(schema, execution.compileAfter, new CompileBudget(execution.compileMsPerSecond));
  const knownReads = new KnownReads();
  // By the request's scope: Apollo runs each operation on a shallow copy of the context the lane had.
  const handedOver = new WeakMap<object, GatewayExecutionResult>();

  async function run(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
    context: Context,
    variableValues: Record<string, unknown> | undefined,
  ): Promise<{ result: GatewayExecutionResult; executor: Executor }> {
    const ran = (result: GatewayExecutionResult, executor: Executor) => {
      executed(executor);
      return { result, executor };
    };
    if (!runsCompiled(operation)) return ran(await execute({ schema, document, contextValue: context, variableValues, operationName }), 'graphql-js');
    // A run again in graphql-js answers from the rows the compiled run read (src/compile/sharedReads).
    return shareReads(context.db, async () => {
      const compiled = operations.get(document, operationName);
      if (compiled) {
        const result = await runCompiled(compiled, context, variableValues);
        if (result && !result.errors?.length) return ran(result as GatewayExecutionResult, 'compiled');
      }
      return ran(await execute({ schema, document, contextValue: context, variableValues, operationName }), compiled ? 'rerun' : 'graphql-js');
    });
  }

  return {
    gateway: {
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => {};
      },
      async load() {
        return {
          async executor(request): Promise<GatewayExecutionResult> {
            const context = request.context as Context;
            const ready = handedOver.get(context.scope);
            if (ready) {
              handedOver.delete(context.scope);
              return ready;
            }
            const { document, operation, operationName, source } = request;
            const { result, executor } = await run(document, operation, operationName, context, request.request.variables);
            if (executor === 'compiled') knownReads.add(source, request.request.operationName ?? null, { document, operation });
            return result;
          },
        };
      },
      async stop() {},
    },
    known: (query, operationName) => knownReads.get(query, operationName),
    async execute(read, context, variables) {
      return (await run(read.document, read.operation, read.operation.name?.value ?? null, context, variables)).result;
    },
    handOver(context, result) {
      handedOver.set(context.scope, result);
    },
  };
}

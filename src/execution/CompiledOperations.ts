import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { CompileBudget } from './CompileBudget';
import { compiledFieldCount } from './compiledFieldCount';

/**
 * The most fields an operation may make graphql-jit write code for (see
 * compiledFieldCount): compiling takes about 40 µs of the single thread per
 * field, so this keeps every compile under about 20 ms. Larger operations
 * (relations of relations, where every level is written out for each
 * entity type) run in graphql-js.
 */
export const MAX_COMPILED_FIELDS = 500;

/** What is known of one operation of one document: how often it ran, and its compiled form once it has one. */
interface OperationEntry {
  uses: number;
  /** undefined until compiled; null when graphql-jit could not compile it (it then always runs in graphql-js). */
  compiled?: CompiledQuery | null;
}

/**
 * The compiled form of the operations clients repeat. Compiling costs a few
 * milliseconds, more than running a small operation once, so an operation
 * is compiled on its `compileAfter`-th use, not before: one-off queries
 * never pay for it, and only while the compile budget has time left: an
 * operation met when it is spent runs in graphql-js and compiles on a later
 * use. Entries hang off the parsed document, which Apollo's document store
 * hands out again for the same query text; when the store evicts a
 * document, its compiled operations go with it.
 */
export class CompiledOperations {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string | null, OperationEntry>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly compileAfter: number,
    private readonly budget: CompileBudget,
  ) {}

  /** The operation's compiled form, once it has been asked for `compileAfter` times; undefined before, and always when compileAfter is 0. */
  get(document: DocumentNode, operationName: string | null): CompiledQuery | undefined {
    if (this.compileAfter === 0) return undefined;
    let operations = this.byDocument.get(document);
    if (!operations) this.byDocument.set(document, (operations = new Map()));
    let entry = operations.get(operationName);
    if (!entry) operations.set(operationName, (entry = { uses: 0 }));
    if (entry.compiled === undefined) {
      entry.uses += 1;
      if (entry.uses < this.compileAfter || !this.budget.available()) return undefined;
      entry.compiled = this.budget.spend(() => this.compile(document, operationName));
    }
    return entry.compiled ?? undefined;
  }

  /** graphql-jit's compiled operation; null when it would take too long to compile, or graphql-jit reports or throws that it cannot. */
  private compile(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    if (compiledFieldCount(this.schema, document, operationName, MAX_COMPILED_FIELDS) > MAX_COMPILED_FIELDS) return null;
    try {
      const result = compileQuery(this.schema, document, operationName ?? undefined);
      return isCompiledQuery(result) ? result : null;
    } catch {
      return null;
    }
  }
}

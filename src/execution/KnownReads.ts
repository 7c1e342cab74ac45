import type { DocumentNode, OperationDefinitionNode } from 'graphql';

/** A typed read Apollo has parsed and validated, and that has run compiled without errors. */
export interface KnownRead {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's name as the document gives it (for metrics and logs), null when it has none. */
  operationName: string | null;
}

/** Query texts remembered: Apollo's own document store keeps about as many documents of typical size. */
export const MAX_KNOWN_READS = 1_000;

/**
 * The typed reads that have run compiled without errors, by the query
 * text and operation name a client sent: what the read lane
 * (src/server/readLane.ts) serves without Apollo's request pipeline. Only
 * an operation Apollo has already parsed, validated and run is here, so a
 * request for it needs none of that again. Bounded: past MAX_KNOWN_READS
 * the oldest entry goes, and its query takes Apollo's path until it runs
 * compiled again.
 */
export class KnownReads {
  private readonly byQuery = new Map<string, Map<string | null, KnownRead>>();

  constructor(private readonly max = MAX_KNOWN_READS) {}

  get(query: string, operationName: string | null): KnownRead | undefined {
    return this.byQuery.get(query)?.get(operationName);
  }

  add(query: string, requestedName: string | null, read: KnownRead): void {
    let byName = this.byQuery.get(query);
    if (!byName) {
      if (this.byQuery.size >= this.max) this.byQuery.delete(this.byQuery.keys().next().value as string);
      this.byQuery.set(query, (byName = new Map()));
    }
    byName.set(requestedName, read);
  }
}

import type { DocumentNode, OperationDefinitionNode } from 'graphql';

/** A typed read Apollo has parsed and validated, and that has run compiled without errors. */
export interface KnownRead {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** Bounds of what is remembered: query texts, and their characters in all (a body may hold 256 KiB of query). */
export const KNOWN_READS_MAX = { queries: 1_000, characters: 2_000_000 };

/**
 * The typed reads that have run compiled without errors, by the query
 * text and operation name a client sent: what the read lane
 * (src/server/readLane.ts) serves without Apollo's request pipeline. Only
 * an operation Apollo has already parsed, validated and run is here, so a
 * request for it needs none of that again. Bounded, like Apollo's own
 * document store: past either bound the oldest texts go (with their parsed
 * documents and compiled code), and a query dropped takes Apollo's path
 * until it runs compiled again.
 */
export class KnownReads {
  private readonly byQuery = new Map<string, Map<string | null, KnownRead>>();
  private characters = 0;

  constructor(private readonly max = KNOWN_READS_MAX) {}

  get(query: string, operationName: string | null): KnownRead | undefined {
    return this.byQuery.get(query)?.get(operationName);
  }

  add(query: string, requestedName: string | null, read: KnownRead): void {
    let byName = this.byQuery.get(query);
    if (!byName) {
      if (query.length > this.max.characters) return;
      while (this.byQuery.size >= this.max.queries || this.characters + query.length > this.max.characters) {
        const oldest = this.byQuery.keys().next().value as string;
        this.byQuery.delete(oldest);
        this.characters -= oldest.length;
      }
      this.byQuery.set(query, (byName = new Map()));
      this.characters += query.length;
    }
    byName.set(requestedName, read);
  }
}

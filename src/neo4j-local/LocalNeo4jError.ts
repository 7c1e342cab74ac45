/** Raised when the local Neo4j cannot be started or reached; its message is meant for the operator, without a stack. */
export class LocalNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

/** Environment variables through which globalSetup hands the test Neo4j to the test files. */
export const TEST_ENV = {
  uri: 'DIPLOGRAPH_TEST_NEO4J_URI',
  user: 'DIPLOGRAPH_TEST_NEO4J_USER',
  password: 'DIPLOGRAPH_TEST_NEO4J_PASSWORD',
  /** Set only when the run started its own Neo4j (no NEO4J_URI given). */
  dataDir: 'DIPLOGRAPH_TEST_NEO4J_DATA_DIR',
} as const;

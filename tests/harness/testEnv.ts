/** Environment variables through which globalSetup hands the test Neo4j to the test files. */
export const TEST_ENV = {
  uri: 'DIPLOGRAPH_TEST_NEO4J_URI',
  user: 'DIPLOGRAPH_TEST_NEO4J_USER',
  password: 'DIPLOGRAPH_TEST_NEO4J_PASSWORD',
} as const;

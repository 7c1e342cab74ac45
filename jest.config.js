/**
 * One Neo4j for the whole run (tests/setup/globalSetup.ts), shared by test
 * files that each own and clean their data. Files run one at a time: on two
 * cores, Neo4j needs one of them, and whole-graph checks (checksums, seed
 * idempotence) must not see another file's data mid-flight.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
  verbose: false,
};

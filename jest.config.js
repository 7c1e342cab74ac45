/**
 * Two projects. `unit` needs no database and no global set-up: `npm run
 * test:unit` runs it alone in seconds. `integration` shares one Neo4j for
 * the whole run (tests/setup/globalSetup.ts), started only when an
 * integration test is selected; its files each own and clean their data.
 * Files run one at a time: on two cores, Neo4j needs one of them, and
 * whole-graph checks (checksums, seed idempotence) must not see another
 * file's data mid-flight. `npm test` runs both.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/tests/unit'], testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/tests/integration'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
    },
  ],
  maxWorkers: 1,
  testTimeout: 60_000,
  verbose: false,
};

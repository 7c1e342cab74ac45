import type { Driver, SessionConfig } from 'neo4j-driver';
import { createDb, type Db } from '../../src/db';
import { openTestDb, testConfig } from '../harness/testDb';

// A property no node has: Neo4j warns about it (01N52) on every statement that reads it.
const WARNED = 'MATCH (n:Entity) WHERE n.noSuchPropertyAnywhere = 1 RETURN count(n) AS c';

describe("the executor's sessions and the server's notifications", () => {
  let base: Db & { driver: Driver };
  let db: Db;
  const configs: SessionConfig[] = [];

  beforeAll(async () => {
    base = await openTestDb();
    // The real driver, with the configuration of every session the executor opens written down.
    const driver = Object.create(base.driver) as Driver;
    driver.session = (config?: SessionConfig) => {
      configs.push(config ?? {});
      return base.driver.session(config);
    };
    const config = testConfig();
    db = createDb({ driver, database: base.database, defaultTimeoutMs: config.limits.queryTimeoutMs });
  });

  afterAll(async () => {
    await base.close();
  });

  async function notificationsWith(config: SessionConfig): Promise<string[]> {
    const session = base.driver.session(config);
    try {
      const result = await session.run(WARNED);
      return result.summary.notifications.map((n) => n.code);
    } finally {
      await session.close();
    }
  }

  it("asks for none on the application's own statements, and Neo4j then sends none", async () => {
    configs.length = 0;
    expect(await db.read('warned', WARNED)).toEqual([{ c: 0 }]);
    expect(configs).toHaveLength(1);
    expect(configs[0].notificationFilter).toEqual({ minimumSeverityLevel: 'OFF' });
    expect(await notificationsWith(configs[0])).toEqual([]);
    // The same statement in a session without the filter is warned about: the filter is what silences it.
    expect(await notificationsWith({ database: base.database })).toContain('Neo.ClientNotification.Statement.UnknownPropertyKeyWarning');
  });

  it('keeps them on the sessions the analyst sandbox streams from, which reports them', async () => {
    configs.length = 0;
    const session = db.openSession('READ');
    try {
      const result = await session.run(WARNED);
      expect(result.summary.notifications.map((n) => n.code)).toContain('Neo.ClientNotification.Statement.UnknownPropertyKeyWarning');
    } finally {
      await session.close();
    }
    expect(configs[0].notificationFilter).toBeUndefined();
  });
});

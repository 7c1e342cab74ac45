import type { Db } from '../../src/db';
import { applySchema, SCHEMA_STATEMENTS } from '../../src/ingest/applySchema';
import { openTestDb } from '../harness/testDb';

describe('applySchema on a database that already has the schema', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await applySchema(db);
    await db.close();
  });

  it('names what every statement creates, so each can be skipped when present', () => {
    for (const statement of SCHEMA_STATEMENTS) expect(statement).toMatch(/^CREATE (CONSTRAINT|(FULLTEXT )?INDEX) \w+ IF NOT EXISTS /);
  });

  it('costs two SHOW queries when everything exists (a warm start)', async () => {
    const view = db.forRequest();
    await applySchema(view);
    expect(view.roundTrips).toBe(2);
  });

  it('creates only what is missing', async () => {
    await db.write('dropForTest', 'DROP INDEX figure_measure IF EXISTS');
    const view = db.forRequest();
    await applySchema(view);
    // The two SHOW queries, the one missing index, and the wait for it to come online.
    expect(view.roundTrips).toBe(4);
    const [row] = await db.read<{ state: string }>('showOne', "SHOW INDEXES YIELD name, state WHERE name = 'figure_measure' RETURN state");
    expect(row.state).toBe('ONLINE');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, KEYS } from './analystTestKeys';

const RELOAD = 'mutation { reloadSavedQueries { count names } }';
const NEW_QUERY = `name: count-persons
description: How many persons the graph holds.
public: true
parameters: {}
cypher: |
  MATCH (p:Person) RETURN count(p) AS persons
`;

/** Saved queries reloaded by an admin without a restart: all or nothing. */
describe('Mutation.reloadSavedQueries', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-saved-'));
    fs.copyFileSync(path.join(__dirname, '..', '..', 'queries', 'graph-overview.yaml'), path.join(dir, 'graph-overview.yaml'));
    t = await startTestApp({ API_KEYS, SAVED_QUERIES_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('needs the admin role', async () => {
    const { body } = await t.post(RELOAD, {}, bearer(KEYS.analyst));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves a new file after a reload, and keeps the old set when a file is invalid', async () => {
    fs.writeFileSync(path.join(dir, 'count-persons.yaml'), NEW_QUERY);
    const before = await t.post('{ runSavedQuery(name: "count-persons") { rows } }');
    expect(before.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const reload = await t.post(RELOAD, {}, bearer(KEYS.admin));
    expect(reload.body.errors).toBeUndefined();
    expect(reload.body.data!.reloadSavedQueries).toEqual({ count: 2, names: ['count-persons', 'graph-overview'] });
    const after = await t.post('{ runSavedQuery(name: "count-persons") { rows } }');
    expect(after.body.data!.runSavedQuery.rows[0].persons).toBeGreaterThan(0);

    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'name: broken\ncypher: 42\n');
    const refused = await t.post(RELOAD, {}, bearer(KEYS.admin));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.message).toContain('broken.yaml');
    const still = await t.post('{ savedQueries { name } }');
    expect(still.body.data!.savedQueries.map((q: any) => q.name)).toEqual(['count-persons', 'graph-overview']);
  });
});

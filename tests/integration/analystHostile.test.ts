import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Db } from '../../src/db';
import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, CYPHER, KEYS } from './analystTestKeys';
import { graphFingerprint } from './seedGraphChecksum';

interface HostileQuery {
  name: string;
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
  refused?: string;
  query: string;
  params?: Record<string, unknown>;
}

const corpus = parseYaml(fs.readFileSync(path.join(__dirname, '../fixtures/hostile-cypher.yaml'), 'utf8')) as HostileQuery[];

/** Everything a hostile query could change: data, schema, tokens and users. */
async function fingerprint(db: Db) {
  const graph = await graphFingerprint(db);
  const schema = await db.read<{ name: string }>('fpIndexes', 'SHOW INDEXES YIELD name RETURN name ORDER BY name');
  const constraints = await db.read<{ name: string }>('fpConstraints', 'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  const tokens = await db.read('fpTokens', 'CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys');
  const labels = await db.read('fpLabels', 'CALL db.labels() YIELD label RETURN collect(label) AS labels');
  const users = await db.read<{ user: string }>('fpUsers', 'SHOW USERS YIELD user RETURN user ORDER BY user');
  return { graph, schema, constraints, tokens, labels, users };
}

describe('the hostile Cypher corpus, through GraphQL as an analyst', () => {
  let t: TestApp;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  const outcomes = new Map<string, { code?: string; message?: string; data?: unknown }>();

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, CYPHER_MAX_QUEUED: '200' });
    before = await fingerprint(t.db);
    // Run one at a time: the corpus is about the guard, not about the concurrency limit.
    for (const hostile of corpus) {
      const { body } = await t.post(CYPHER, { query: hostile.query, params: hostile.params ?? null }, bearer(KEYS.analyst));
      outcomes.set(hostile.name, { code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message, data: body.data?.cypher });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('holds at least 50 distinct hostile queries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((q) => q.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((q) => [q.name, q] as const))('refuses %s', (_name, hostile) => {
    const outcome = outcomes.get(hostile.name)!;
    expect(outcome.data ?? null).toBeNull();
    expect({ code: outcome.code, message: outcome.message }).toEqual({ code: hostile.code, message: expect.any(String) });
    if (hostile.refused) expect(outcome.message).toContain(hostile.refused);
    expect(outcome.message).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('leaves the graph, its schema, its tokens and its users exactly as they were', async () => {
    expect(await fingerprint(t.db)).toEqual(before);
    expect(before.graph.nodes).toBeGreaterThan(0);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, projectRoot } from '../../src/config';
import type { CypherSandbox } from '../../src/cypher-sandbox';
import type { Db } from '../../src/db';
import { createMetrics } from '../../src/server/metrics/createMetrics';
import { createOperationLabel } from '../../src/server/metrics/operationLabel';

describe('docs/grafana-dashboard.json', () => {
  const dashboard = JSON.parse(fs.readFileSync(path.join(projectRoot, 'docs', 'grafana-dashboard.json'), 'utf8'));

  it('charts only metrics the API exports', async () => {
    const metrics = createMetrics({
      db: { driver: {} as Driver } as Db,
      cypher: { limit: { active: 0, queued: 0 } } as unknown as CypherSandbox,
      observability: loadConfig({}).observability,
    });
    const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((metric) => metric.name));
    const charted = new Set<string>();
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        for (const [name] of target.expr.matchAll(/\b(diplograph|process|nodejs)_\w+/g)) charted.add(name.replace(/_(bucket|sum|count)$/, ''));
      }
    }
    expect(charted.size).toBeGreaterThanOrEqual(10);
    expect([...charted].filter((name) => !exported.has(name))).toEqual([]);
    metrics.close();
  });
});

describe('the operation-name label', () => {
  it('keeps configured names, learns up to the bound, then says "other"', () => {
    const label = createOperationLabel({ known: ['Dashboard'], maxLearned: 2 });
    expect(label(undefined)).toBe('(anonymous)');
    expect(label('First')).toBe('First');
    expect(label('Second')).toBe('Second');
    expect(label('Third')).toBe('other');
    expect(label('First')).toBe('First');
    expect(label('Dashboard')).toBe('Dashboard');
    const values = new Set(Array.from({ length: 1_000 }, () => label(`R${Math.random().toString(36).slice(2)}`)));
    expect([...values]).toEqual(['other']);
  });
});

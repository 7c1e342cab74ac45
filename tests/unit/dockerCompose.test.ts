import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, projectRoot } from '../../src/config';
import { neo4jVersion } from '../../src/neo4j-local';

/** Variables of the local Neo4j runner or fixed by the container itself: not passed through. */
const NOT_FOR_THE_CONTAINER = new Set([
  'HOST',
  'PORT',
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_BOLT_PORT',
  'NEO4J_DATA_DIR',
  'NEO4J_CACHE_DIR',
  'NEO4J_HEAP',
  'NEO4J_PAGECACHE',
  'NEO4J_TX_MEMORY_MAX',
  'NEO4J_START_TIMEOUT_MS',
  'SAVED_QUERIES_DIR',
]);

describe('docker-compose.yml and the Dockerfile', () => {
  const compose = parse(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'));
  const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');

  it('runs the same Neo4j patch version as the local runner (neo4j/pom.xml)', () => {
    expect(compose.services.neo4j.image).toBe(`neo4j:${neo4jVersion()}-community`);
  });

  it("passes every API setting through to the API's container", () => {
    const passed = Object.keys(compose.services.api.environment);
    const missing = CONFIG_VARIABLES.filter((name) => !NOT_FOR_THE_CONTAINER.has(name) && !passed.includes(name));
    expect(missing).toEqual([]);
    expect(compose.services.api.environment.API_KEYS_FILE).toBe('/run/secrets/api_keys');
    expect(compose.secrets.api_keys.file).toBe('${API_KEYS_FILE:-/dev/null}');
  });

  it('checks health cheaply: no cypher-shell JVM, a HEALTHCHECK on /readyz in the image', () => {
    expect(JSON.stringify(compose)).not.toMatch(/cypher-shell/);
    expect(compose.services.neo4j.healthcheck.test.join(' ')).toMatch(/wget -q -O \/dev\/null http:\/\/127\.0\.0\.1:7474\//);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/readyz/m);
  });

  it('runs the API as `npm start` does, with the same Node flags (the README, "The two commands")', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    expect((JSON.parse(cmd![1]) as string[]).join(' ')).toBe(scripts.start);
    expect(scripts.start).toMatch(/ --no-allocation-site-pretenuring /);
  });

  it('offers Neo4j Browser only in the browser profile, on loopback', () => {
    expect(compose.services['neo4j-browser'].profiles).toEqual(['browser']);
    expect(compose.services['neo4j-browser'].ports).toEqual(['127.0.0.1:${NEO4J_BROWSER_PORT:-7474}:7474']);
    expect(compose.services.neo4j.ports).toEqual(['127.0.0.1:${NEO4J_BOLT_PORT:-7687}:7687']);
  });
});

import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('takes the documented defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000, corsOrigins: [] });
    expect(config.neo4j.kind).toBe('local');
    if (config.neo4j.kind === 'local') expect(config.neo4j.boltPort).toBe(7687);
    expect(config.limits.listDefault).toBe(20);
    expect(config.limits.listMax).toBe(100);
  });

  it('uses an existing server when NEO4J_URI is set', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j://127.0.0.1:7687', NEO4J_PASSWORD: 'long-enough' });
    expect(config.neo4j).toMatchObject({ kind: 'remote', uri: 'neo4j://127.0.0.1:7687', user: 'neo4j', database: 'neo4j' });
  });

  it('names every wrong variable, its value and what was expected', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://127.0.0.1:7474', NEO4J_HEAP: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty": expected a whole number');
    expect(message).toContain('NEO4J_URI="http://127.0.0.1:7474": expected a bolt:// or neo4j:// URI');
    expect(message).toContain('NEO4J_HEAP="lots": expected a size such as 512m or 1g');
  });

  it('refuses a default page size above the maximum', () => {
    expect(() => loadConfig({ LIST_DEFAULT_LIMIT: '500', LIST_MAX_LIMIT: '100' })).toThrow(
      /LIST_DEFAULT_LIMIT=500: expected at most LIST_MAX_LIMIT \(100\)/,
    );
  });

  it('names a wrong password without showing it', () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).toThrow('NEO4J_PASSWORD=(hidden, 5 characters): expected at least 8 characters');
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).not.toThrow(/short"/);
  });

  it('requires a password with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD/);
  });
});

import { checkJava, parseJavaMajor, PrerequisiteError } from '../../src/neo4j-local/checkPrerequisites';
import { renderNeo4jConf } from '../../src/neo4j-local/neo4jConf';

function settings(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('=', 2) as [string, string]),
  );
}

describe('renderNeo4jConf', () => {
  const conf = settings(renderNeo4jConf({ homeDir: '/srv/neo', boltPort: 17687, heap: '512m', pageCache: '128m', txMemoryMax: '64m' }));

  it('listens on loopback only, Bolt alone', () => {
    expect(conf.get('server.default_listen_address')).toBe('127.0.0.1');
    expect(conf.get('server.bolt.listen_address')).toBe('127.0.0.1:17687');
    expect(conf.get('server.http.enabled')).toBe('false');
    expect(conf.get('server.https.enabled')).toBe('false');
  });

  it('keeps auth on, usage reports off, and file URLs away from LOAD CSV', () => {
    expect(conf.get('dbms.security.auth_enabled')).toBe('true');
    expect(conf.get('dbms.usage_report.enabled')).toBe('false');
    expect(conf.get('dbms.security.allow_csv_import_from_file_urls')).toBe('false');
    expect(conf.get('dbms.security.procedures.allowlist')).toBeTruthy();
  });

  it('bounds memory and keeps every folder inside the home', () => {
    expect(conf.get('server.memory.heap.max_size')).toBe('512m');
    expect(conf.get('server.memory.pagecache.size')).toBe('128m');
    expect(conf.get('db.memory.transaction.max')).toBe('64m');
    for (const key of ['data', 'logs', 'import', 'plugins', 'run']) {
      expect(conf.get(`server.directories.${key}`)).toBe(`/srv/neo/${key}`);
    }
  });
});

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_392"', 8],
    ['command not found', undefined],
  ])('%s → %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});

describe('checkJava', () => {
  it('explains what to do when Java is missing', () => {
    let error: unknown;
    try {
      checkJava({ JAVA_HOME: '/nonexistent/jdk' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toContain('Java was not found (/nonexistent/jdk/bin/java');
    expect((error as Error).message).toContain('docker compose up');
    expect((error as Error).message).toContain('NEO4J_URI');
  });

  it('accepts the Java on this machine', () => {
    expect(checkJava()).toMatch(/java$/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrerequisiteError } from '../../src/neo4j-local';
import { resolveNeo4jJars } from '../../src/neo4j-local/resolveNeo4jJars';

/**
 * A first start on a machine that cannot reach the Maven repository: a real
 * Maven, an empty local repository and a mirror on a closed loopback port,
 * so nothing leaves the machine. The operator gets one clear message, not
 * Maven's log, and no half-filled cache.
 */
describe('fetching the Neo4j jars when the repository cannot be reached', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-jars-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says the repository could not be reached and what to do', async () => {
    const settings = path.join(dir, 'settings.xml');
    fs.writeFileSync(
      settings,
      `<settings><mirrors><mirror><id>closed</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/maven2</url></mirror></mirrors></settings>`,
    );
    const cacheDir = path.join(dir, 'cache');
    const logged: string[] = [];
    const error = await resolveNeo4jJars(cacheDir, (m) => logged.push(m), {
      mavenArgs: ['-s', settings, `-Dmaven.repo.local=${path.join(dir, 'm2')}`],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toMatch(/Could not reach the Maven repository to fetch Neo4j 5\.26\.\d+/);
    expect((error as Error).message).toMatch(/127\.0\.0\.1:9/);
    expect((error as Error).message).toMatch(/settings\.xml/);
    expect(logged[0]).toMatch(/Fetching Neo4j .* jars with Maven/);
    // No partial folder is left to be mistaken for a complete one.
    const versionDir = fs.readdirSync(cacheDir);
    expect(versionDir.flatMap((v) => fs.readdirSync(path.join(cacheDir, v)))).toEqual([]);
  }, 120_000);
});

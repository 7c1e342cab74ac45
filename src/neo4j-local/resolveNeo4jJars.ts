import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { checkMaven } from './checkPrerequisites';

/** The pom that names the Neo4j version; the cache is keyed by that version. */
export const neo4jPom = path.join(projectRoot, 'neo4j', 'pom.xml');

/** Reads `<neo4j.version>` from neo4j/pom.xml so the version is written in one place. */
export function neo4jVersion(pomPath = neo4jPom): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(pomPath, 'utf8'));
  if (!match) throw new Error(`${pomPath} has no <neo4j.version> property`);
  return match[1].trim();
}

const COMPLETE_MARKER = '.complete';

/**
 * Returns a folder holding every jar of Neo4j Community, fetching them with
 * Maven the first time. The copy goes to a temporary folder that is renamed
 * into place only when Maven succeeded, so an interrupted download is never
 * mistaken for a complete one, and a second start runs no Maven at all.
 */
export async function resolveNeo4jJars(
  cacheDir: string,
  log: (message: string) => void = () => {},
): Promise<string> {
  const version = neo4jVersion();
  const libDir = path.join(cacheDir, `neo4j-${version}`, 'lib');
  if (fs.existsSync(path.join(libDir, COMPLETE_MARKER))) return libDir;

  checkMaven();
  const staging = `${libDir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(`Fetching Neo4j ${version} jars with Maven into ${libDir} (once) ...`);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn(
      'mvn',
      ['-B', '-q', '-f', neo4jPom, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    mvn.stdout.on('data', (chunk) => output.push(String(chunk)));
    mvn.stderr.on('data', (chunk) => output.push(String(chunk)));
    mvn.on('error', reject);
    mvn.on('close', resolve);
  });
  if (code !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`Maven could not fetch Neo4j ${version} (exit ${code}):\n${output.join('').slice(-4000)}`);
  }
  fs.writeFileSync(path.join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(libDir), { recursive: true });
  fs.renameSync(staging, libDir);
  return libDir;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../config';
import { checkMaven, PrerequisiteError } from './checkPrerequisites';
import { createDownloadProgress } from './downloadProgress';
import { downloadedBytes, unreachableRepositoryLine } from './mavenOutput';

/** The pom that names the Neo4j version; the cache is keyed by that version. */
export const neo4jPom = path.join(projectRoot, 'neo4j', 'pom.xml');

/** Reads `<neo4j.version>` from neo4j/pom.xml so the version is written in one place. */
export function neo4jVersion(pomPath = neo4jPom): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(pomPath, 'utf8'));
  if (!match) throw new Error(`${pomPath} has no <neo4j.version> property`);
  return match[1].trim();
}

const COMPLETE_MARKER = '.complete';

/** Options for tests and unusual set-ups. */
export interface ResolveJarsOptions {
  /** More arguments for Maven, such as `-s settings.xml` (a mirror) or `-Dmaven.repo.local=...`. */
  mavenArgs?: string[];
  /** Where the running byte count goes (stderr by default); a TTY gets one line rewritten in place. */
  progressStream?: NodeJS.WriteStream;
}

/**
 * Returns a folder holding every jar of Neo4j Community, fetching them with
 * Maven the first time. The copy goes to a temporary folder that is renamed
 * into place only when Maven succeeded, so an interrupted download is never
 * mistaken for a complete one, and a second start runs no Maven at all.
 * While Maven downloads (~120 MB the first time), a running byte count is
 * shown; a repository that cannot be reached is reported as such, with what
 * to do about it, instead of Maven's whole log.
 */
export async function resolveNeo4jJars(cacheDir: string, log: (message: string) => void = () => {}, options: ResolveJarsOptions = {}): Promise<string> {
  const version = neo4jVersion();
  const libDir = path.join(cacheDir, `neo4j-${version}`, 'lib');
  if (fs.existsSync(path.join(libDir, COMPLETE_MARKER))) return libDir;

  checkMaven();
  const staging = `${libDir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(`Fetching Neo4j ${version} jars with Maven into ${libDir} (once, about 120 MB) ...`);
  const progress = createDownloadProgress(`Fetching Neo4j ${version}`, log, options.progressStream);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    // Not -q: the "Downloaded from" lines are what the byte count is made of.
    const mvn = spawn(
      'mvn',
      ['-B', ...(options.mavenArgs ?? []), '-f', neo4jPom, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = createInterface({ input: mvn.stdout });
    lines.on('line', (line) => {
      output.push(line);
      const bytes = downloadedBytes(line);
      if (bytes !== undefined) progress.add(bytes);
    });
    mvn.stderr.on('data', (chunk) => output.push(String(chunk)));
    mvn.on('error', reject);
    mvn.on('close', resolve);
  });
  progress.done();
  if (code !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    const text = output.join('\n');
    const unreachable = unreachableRepositoryLine(text);
    if (unreachable) {
      throw new PrerequisiteError(
        `Could not reach the Maven repository to fetch Neo4j ${version} (Maven exit ${code}): ${unreachable}\n` +
          'Check the network, or configure a proxy or mirror in ~/.m2/settings.xml; ' +
          `or copy the jars of a machine that has them into ${libDir} (with its ${COMPLETE_MARKER} file).`,
      );
    }
    throw new Error(`Maven could not fetch Neo4j ${version} (exit ${code}):\n${text.slice(-4000)}`);
  }
  fs.writeFileSync(path.join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(libDir), { recursive: true });
  fs.renameSync(staging, libDir);
  return libDir;
}

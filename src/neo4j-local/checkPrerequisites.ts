import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Raised when the machine cannot run the local Neo4j; the message says what to do instead. */
export class PrerequisiteError extends Error {
  constructor(message: string) {
    super(
      `${message}\n` +
        'The local Neo4j needs Java 17+ and Maven. Alternatives: `docker compose up` ' +
        '(see README), or point NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD at a Neo4j 5 server of your own.',
    );
    this.name = 'PrerequisiteError';
  }
}

/** The java binary to run: JAVA_HOME's when it is set, else the one on PATH. */
export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_392", "25"). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Checks for Java 17 or newer; returns the java binary to use. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): string {
  const java = javaBinary(env);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new PrerequisiteError(`Java was not found (${java}: ${result.error.message}).`);
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) {
    throw new PrerequisiteError(`Neo4j 5.26 needs Java 17 or newer; ${java} reports ${major === undefined ? 'an unknown version' : `Java ${major}`}.`);
  }
  return java;
}

/** Checks that Maven answers; it is needed only when the Neo4j jars are not cached yet. */
export function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new PrerequisiteError(
      `Maven (mvn) was not found or failed (${result.error?.message ?? `exit ${result.status}`}); ` +
        'it is needed once, to fetch the Neo4j jars from Maven Central.',
    );
  }
}

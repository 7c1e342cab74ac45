/** One thing wrong with a seed document: where, and why. */
export interface SeedProblem {
  /** The file as it was given to the loader. */
  file: string;
  /** Where in the document, e.g. `relations[3].from`; empty for the whole file. */
  path: string;
  /** 1-based line in the file, when the path could be located. */
  line?: number;
  /** What is wrong, naming the value found and what was expected. */
  message: string;
}

/** Formats a problem as one line: `file:line: path: message`. */
export function formatSeedProblem(problem: SeedProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

/**
 * Thrown when one or more documents do not validate (or do not resolve
 * against the graph). Nothing has been written when it is thrown; its message
 * lists every problem, one per line.
 */
export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `The seed was refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written.\n` +
        problems.map((p) => `  - ${formatSeedProblem(p)}`).join('\n'),
    );
    this.name = 'SeedValidationError';
  }
}

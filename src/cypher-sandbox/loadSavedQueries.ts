import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { typeProblem } from './bindSavedQueryParams';
import { checkQueryText } from './checkQueryText';
import { savedQueryFileSchema, type SavedQuery } from './SavedQuery';
import { scanCypher } from './scanCypher';

/** Raised at start-up when a saved query file is wrong; its message lists every problem. */
export class SavedQueryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid saved queries:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SavedQueryError';
  }
}

/**
 * Reads every queries/*.yaml file, validates it and returns the queries by
 * name. Checked here, before the API serves anything: the YAML shape, the
 * name (equal to the file name), parameter declarations and their defaults,
 * that the Cypher uses exactly the declared parameters, and the textual
 * guard layer. The plan-based guard runs on every call, as for any query.
 * Throws SavedQueryError with every problem of every file.
 */
export function loadSavedQueries(dir: string): Map<string, SavedQuery> {
  if (!fs.existsSync(dir)) throw new SavedQueryError([`${dir}: the saved queries folder does not exist (SAVED_QUERIES_DIR)`]);
  const problems: string[] = [];
  const queries = new Map<string, SavedQuery>();
  const files = fs
    .readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  for (const file of files) {
    const where = path.join(path.basename(dir), file);
    let raw: unknown;
    try {
      raw = parseYaml(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${where}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const parsed = savedQueryFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      continue;
    }
    const spec = parsed.data;
    const before = problems.length;
    if (spec.name !== file.replace(/\.ya?ml$/, '')) problems.push(`${where}: name "${spec.name}" must equal the file name`);
    if (queries.has(spec.name)) problems.push(`${where}: a saved query named "${spec.name}" already exists`);
    const parameters = Object.entries(spec.parameters).map(([name, p]) => ({
      name,
      type: p.type,
      items: p.items ?? null,
      required: p.required,
      default: p.default ?? null,
      description: p.description,
    }));
    for (const p of parameters) {
      if (p.items && p.type !== 'list') problems.push(`${where}: parameter ${p.name}: items is only for lists`);
      if (p.required && p.default !== null) problems.push(`${where}: parameter ${p.name}: a required parameter takes no default`);
      const wrong = p.default !== null ? typeProblem(p, p.default) : undefined;
      if (wrong) problems.push(`${where}: parameter ${p.name}: the default ${wrong}`);
    }
    const used = new Set(
      scanCypher(spec.cypher)
        .filter((t) => t.kind === 'parameter')
        .map((t) => t.text),
    );
    for (const name of used) if (!spec.parameters[name]) problems.push(`${where}: the Cypher uses $${name}, which is not declared`);
    for (const p of parameters) if (!used.has(p.name)) problems.push(`${where}: parameter ${p.name} is declared but not used`);
    try {
      checkQueryText(spec.cypher, 'cypher');
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
    if (problems.length === before) {
      queries.set(spec.name, { ...spec, parameters, file: where });
    }
  }
  if (problems.length) throw new SavedQueryError(problems);
  return queries;
}

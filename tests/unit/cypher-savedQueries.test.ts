import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isInt } from 'neo4j-driver';
import { projectRoot } from '../../src/config';
import { bindSavedQueryParams } from '../../src/cypher-sandbox/bindSavedQueryParams';
import { loadSavedQueries, SavedQueryError } from '../../src/cypher-sandbox/loadSavedQueries';
import type { SavedQuery } from '../../src/cypher-sandbox/SavedQuery';

/** A folder holding the given files, removed after the test. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-saved-queries-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function load(files: Record<string, string>) {
  const dir = folderWith(files);
  dirs.push(dir);
  return loadSavedQueries(dir);
}
function problemsOf(files: Record<string, string>): string[] {
  try {
    load(files);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(SavedQueryError);
    return (error as SavedQueryError).problems;
  }
}

const GOOD = `name: good
description: A good query.
public: true
parameters:
  id: { type: string, required: true, description: An id. }
  max: { type: int, default: 5, description: A bound. }
  ratio: { type: float, description: A ratio. }
  flags: { type: list, items: boolean, description: Flags. }
cypher: |
  MATCH (n:Entity {id: $id}) WHERE $ratio IS NULL OR $flags IS NULL RETURN n LIMIT $max
`;

describe('loadSavedQueries', () => {
  it('loads the repository queries', () => {
    const queries = loadSavedQueries(path.join(projectRoot, 'queries'));
    expect([...queries.keys()]).toEqual(expect.arrayContaining(['who-proposed-what', 'statements-by-person', 'entity-evidence']));
    expect(queries.size).toBeGreaterThanOrEqual(3);
    expect(queries.size).toBeLessThanOrEqual(6);
  });
  it('reads declarations with their defaults', () => {
    const query = load({ 'good.yaml': GOOD }).get('good')!;
    expect(query).toMatchObject({ name: 'good', public: true, file: expect.stringMatching(/good\.yaml$/) });
    expect(query.parameters).toEqual([
      { name: 'id', type: 'string', items: null, required: true, default: null, description: 'An id.' },
      { name: 'max', type: 'int', items: null, required: false, default: 5, description: 'A bound.' },
      { name: 'ratio', type: 'float', items: null, required: false, default: null, description: 'A ratio.' },
      { name: 'flags', type: 'list', items: 'boolean', required: false, default: null, description: 'Flags.' },
    ]);
  });
  it.each([
    ['a name other than the file name', { 'other.yaml': GOOD }, /must equal the file name/],
    ['invalid YAML', { 'bad.yaml': 'name: [' }, /not valid YAML/],
    ['an unknown field', { 'good.yaml': `${GOOD}extra: 1\n` }, /extra/],
    ['an unknown type', { 'good.yaml': GOOD.replace('type: float', 'type: decimal') }, /parameters\.ratio\.type/],
    ['an undeclared parameter', { 'good.yaml': GOOD.replace('LIMIT $max', 'LIMIT $max + $other') }, /\$other, which is not declared/],
    ['an unused parameter', { 'good.yaml': GOOD.replace('$ratio IS NULL OR ', '') }, /ratio is declared but not used/],
    ['a default of the wrong type', { 'good.yaml': GOOD.replace('default: 5', 'default: five') }, /max: the default must be an int/],
    ['a required parameter with a default', { 'good.yaml': GOOD.replace('required: true,', 'required: true, default: x,') }, /takes no default/],
    ['two statements', { 'good.yaml': GOOD.replace('LIMIT $max', 'LIMIT $max; MATCH (m) DELETE m') }, /several statements/],
    ['a USE clause', { 'good.yaml': GOOD.replace('MATCH (n', 'USE system MATCH (n') }, /USE clause/],
    ['a missing description', { 'good.yaml': GOOD.replace('description: A good query.\n', '') }, /description/],
  ])('refuses %s, naming the file', (_name, files, pattern) => {
    const problems = problemsOf(files);
    expect(problems.join('\n')).toMatch(pattern);
    expect(problems[0]).toMatch(/\.yaml/);
  });
  it('reports the problems of every file at once', () => {
    expect(problemsOf({ 'a.yaml': 'name: [', 'b.yaml': GOOD })).toHaveLength(2);
  });
  it('refuses a missing folder', () => {
    expect(() => loadSavedQueries(path.join(os.tmpdir(), 'diplograph-no-such-folder'))).toThrow(/does not exist/);
  });
});

describe('bindSavedQueryParams', () => {
  let query: SavedQuery;
  beforeAll(() => {
    query = load({ 'good.yaml': GOOD }).get('good')!;
  });
  const bind = (params: unknown) => bindSavedQueryParams(query, params);
  const parameterOf = (params: unknown) => {
    try {
      bind(params);
      return undefined;
    } catch (error) {
      return (error as { extensions: Record<string, unknown> }).extensions;
    }
  };

  it('fills defaults and nulls, and sends ints as Cypher integers', () => {
    const bound = bind({ id: 'x', ratio: 2 });
    expect(bound.id).toBe('x');
    expect(isInt(bound.max)).toBe(true);
    expect(String(bound.max)).toBe('5');
    expect(bound.ratio).toBe(2);
    expect(isInt(bound.ratio)).toBe(false);
    expect(bound.flags).toBeNull();
    expect(bind({ id: 'x', max: 7, flags: [true, false] })).toMatchObject({ flags: [true, false] });
  });
  it.each([
    [{ id: 'x', nope: 1 }, 'nope'],
    [{}, 'id'],
    [{ id: null }, 'id'],
    [{ id: 3 }, 'id'],
    [{ id: 'x', max: 1.5 }, 'max'],
    [{ id: 'x', max: '5' }, 'max'],
    [{ id: 'x', ratio: 'high' }, 'ratio'],
    [{ id: 'x', flags: true }, 'flags'],
    [{ id: 'x', flags: [true, 'no'] }, 'flags'],
  ])('refuses %j naming %s', (params, parameter) => {
    expect(parameterOf(params)).toMatchObject({ code: 'BAD_USER_INPUT', parameter });
  });
  it('refuses params that are not an object', () => {
    expect(parameterOf([1])).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'params' });
    expect(parameterOf('x')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'params' });
  });
});

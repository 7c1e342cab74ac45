import fs from 'node:fs';
import path from 'node:path';
import { SeedValidationError, defaultSeedFiles, readSeedFiles, validateSeedDocument, validateSeedInputs } from '../../src/ingest';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);
const read = (file: string) => fs.readFileSync(file, 'utf8');

/** A valid minimal document to break in one place at a time. */
const minimal = (extra = '') => `format: diplograph-seed/1
document: { id: unit-minimal }
defaults: { sources: [unit-source] }
entities:
  - { id: unit-source, type: Source, name: Unit source }
  - { id: unit-person, type: Person, name: Unit Person }
  - { id: unit-office, type: Office, name: Unit Office }
relations:
  - { type: HOLDS_OFFICE, from: unit-person, to: unit-office }
${extra}`;

describe('validateSeedDocument', () => {
  it('accepts the checked-in seed documents', () => {
    for (const file of defaultSeedFiles()) {
      expect(validateSeedDocument(read(file), file).problems).toEqual([]);
    }
    expect(validateSeedDocument(minimal(), 'minimal.yaml').document?.entities).toHaveLength(3);
  });

  it('reports every problem of a broken file with its path, line and reason', () => {
    const file = fixture('invalid-document.yaml');
    const { document, problems } = validateSeedDocument(read(file), 'invalid-document.yaml');
    expect(document).toBeUndefined();
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath).toMatchObject({
      'entities[2].id': 'duplicate id "fixture-invalid-person" (first defined at entities[1])',
      'entities[3].type': expect.stringMatching(/^unknown entity type "Spaceship"/),
      'entities[4].date': '"2025-02-30" is not a calendar date',
      'relations[0].to': 'unknown entity "fixture-nobody": no entity with this id in the document',
      'relations[1].to': 'HOLDS_OFFICE cannot end at a Country ("fixture-invalid-country"); expected Office',
      'relations[2].type': expect.stringMatching(/^unknown relation type "BEFRIENDED"/),
      'relations[3].sources[0]': 'unknown source "fixture-missing-source": no entity with this id in the document',
      'relations[4].sources[0]': '"fixture-invalid-person" is a Person, not a Source',
      'relations[5].confidence': 'expected a confidence between 0 and 1 (got 1.5)',
      'relations[6].date': '"2022-13" is not a calendar date',
      'relations[7].sources': 'expected at least one Source id',
    });
    expect(byPath['relations[4].type']).toMatch(/^duplicate relation/);
    expect(problems).toHaveLength(12);
    expect(problems.every((p) => p.file === 'invalid-document.yaml' && typeof p.line === 'number')).toBe(true);
    expect(problems.find((p) => p.path === 'relations[2].type')?.line).toBe(17);
  });

  it('reports YAML syntax errors with their line', () => {
    const { problems } = validateSeedDocument('format: diplograph-seed/1\nentities: [\n', 'broken.yaml');
    expect(problems[0]).toMatchObject({ file: 'broken.yaml', path: '' });
    expect(problems[0].message).toMatch(/^invalid YAML/);
  });

  it('refuses unknown properties, a wrong format and a missing status', () => {
    const text =
      minimal().replace('diplograph-seed/1', 'diplograph-seed/9') +
      '  - { type: PROPOSED, from: unit-person, to: unit-proposal, colour: red }\n' +
      'extra: 1\n';
    const withProposal = text.replace('relations:', '  - { id: unit-proposal, type: Proposal, name: Unit proposal }\nrelations:');
    const { problems } = validateSeedDocument(withProposal, 'x.yaml');
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'format: expected format: diplograph-seed/1 (got "diplograph-seed/9")',
        ': unknown property "extra"',
        'entities[3].status: missing: expected made, unanswered, accepted, rejected or withdrawn',
        'relations[1]: unknown property "colour"',
      ]),
    );
  });

  it('checks that a quote is verbatim in the statement it cites', () => {
    const text = minimal('  - { type: SAID, from: unit-person, to: unit-statement, quote: "words never said", statement: unit-statement }\n').replace(
      'relations:',
      '  - { id: unit-statement, type: Statement, name: S, text: "the words said", kind: quote }\nrelations:',
    );
    const { problems } = validateSeedDocument(text, 'q.yaml');
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['relations[1].quote', 'the quote is not verbatim in the text of statement "unit-statement"'],
    ]);
  });

  it('throws one SeedValidationError covering every file', () => {
    let error: unknown;
    try {
      validateSeedInputs([
        { file: 'a.yaml', text: minimal('  - { type: HOLDS_OFFICE, from: unit-person, to: nowhere }\n') },
        { file: 'b.yaml', text: minimal().replace('type: Person', 'type: Persona') },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/nothing was written/);
    expect(message).toContain('a.yaml:10: relations[1].to: unknown entity "nowhere"');
    expect(message).toContain('b.yaml:6: entities[1].type: unknown entity type "Persona"');
  });

  it('reports a file that cannot be read', () => {
    expect(() => readSeedFiles([fixture('no-such-file.yaml')])).toThrow(/no-such-file\.yaml: cannot read the file: ENOENT/);
  });
});

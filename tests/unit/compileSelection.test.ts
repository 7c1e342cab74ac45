import fs from 'node:fs';
import path from 'node:path';
import { STATEMENTS } from '../../src/compile';
import { relationshipPattern } from '../../src/compile/relationshipPattern';
import { compiledStatements } from '../harness/compiledStatements';

/** W2 of bench:limit: proposals with their proposer (and the source of that edge's evidence) and addressees. */
const PROPOSALS = `query($first: NonNegativeInt, $after: String, $withAddressees: Boolean!) {
  proposals(first: $first) {
    totalCount
    edges { node {
      name
      proposer(first: 1) { edges { evidence { source { name } quote } node { name } } }
      to: addressees(after: $after) @include(if: $withAddressees) { edges { node { ...named } } }
    } }
  }
}
fragment named on Entity { name }`;

describe('compiled read statements (no database)', () => {
  it('compiles a root field, its nested relation fields and their evidence into one statement, values as parameters', async () => {
    const sent = await compiledStatements(PROPOSALS, { first: 50, withAddressees: true, after: null });
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toMatchInlineSnapshot(`
     "CALL () {
     MATCH (n:Proposal)
     RETURN count(n) AS total
     }
     CALL () {
     MATCH (n:Proposal) USING INDEX n:Proposal(name, id)
     WHERE n.name IS NOT NULL AND n.id IS NOT NULL
     WITH n ORDER BY n.name ASC, n.id ASC LIMIT toInteger($limit)
     RETURN collect([n.name, COLLECT {
         MATCH (n)<-[r1:PROPOSED]-(m2)
         WITH n, r1, m2, 'INCOMING' AS d3, m2.id AS m2id
         WHERE r1.retracted IS NULL AND m2 <> n
         ORDER BY m2id
         LIMIT toInteger($p0)
         RETURN [m2.name, [r1.quote, r1.sources], COLLECT { UNWIND coalesce(r1.sources, []) AS s4 OPTIONAL MATCH (e5:Source {id: s4}) RETURN [s4, CASE WHEN e5 IS NULL THEN null ELSE [e5.name] END] }]
       }, COLLECT {
         MATCH (n)-[r6:PROPOSED_TO]->(m7)
         WITH n, r6, m7, 'OUTGOING' AS d8, m7.id AS m7id
         WHERE r6.retracted IS NULL
         ORDER BY m7id
         LIMIT toInteger($p1)
         RETURN m7.name
       }]) AS page
     }
     RETURN total, page"
    `);
    // No hasNextPage is selected, on the list or its relation pages, so no row past any page is read.
    expect(sent[0].params).toEqual({ limit: 50, p0: 1, p1: 20 });
  });

  it('writes the same text for other values, and other text only for another shape', async () => {
    const cursor = Buffer.from(JSON.stringify({ o: 'RELATION', k: ['PROPOSED_TO', 'OUTGOING', "x' OR 1=1 //", 'p'] })).toString('base64url');
    const [a] = await compiledStatements(PROPOSALS, { first: 50, withAddressees: true });
    const [b] = await compiledStatements(PROPOSALS, { first: 7, withAddressees: true });
    expect(b.text).toBe(a.text);
    expect(b.params.limit).toBe(7);
    const [withCursor] = await compiledStatements(PROPOSALS, { first: 7, withAddressees: true, after: cursor });
    expect(withCursor.text).toContain("['PROPOSED_TO', d8, m7id, n.id] > $p2");
    expect(withCursor.params.p2).toEqual(['PROPOSED_TO', 'OUTGOING', "x' OR 1=1 //", 'p']);
    expect(withCursor.text).not.toContain('1=1');
    const [skipped] = await compiledStatements(PROPOSALS, { first: 7, withAddressees: false });
    expect(skipped.text).not.toContain('PROPOSED_TO');
    const size = STATEMENTS.size;
    await compiledStatements(PROPOSALS, { first: 9, withAddressees: false });
    expect(STATEMENTS.size).toBe(size);
  });

  it('reads a relation that differs by type through a CASE over labels, and one shared by every type once', async () => {
    const [sent] = await compiledStatements(`{ entity(id: "x") {
      relations(first: 2, types: ["ABOUT"]) { totalCount }
      ... on Person { offices(first: 3) { edges { node { name } } } }
      ... on Country { offices(first: 4) { edges { cursor } } }
    } }`);
    // Persons' edges ask for their node alone (each edge its node's name); countries' for their cursor (a record per edge, its sort key).
    // Each branch returns its index beside its value, for the reader to pick the branch's layout. A record of one key
    // (the page alone, a node's name alone, an edge's sort key alone) is sent as that value, without a list around it.
    expect(sent.text).toContain('CASE WHEN n:Person THEN [0, COLLECT {');
    expect(sent.text).toContain('WHEN n:Country THEN [1, COLLECT {');
    expect(sent.text).toContain('RETURN m2.name\n');
    expect(sent.text).toContain('RETURN m5id\n');
    expect(sent.text).toContain('MATCH (n)<-[r');
    expect(sent.text.match(/:ABOUT\]/g)).toHaveLength(1);
    // Typed pattern, retracted relationships hidden.
    expect(sent.text).toMatch(/, COUNT \{\n {4}MATCH \(n\)-\[r\d+:ABOUT\]-\(m\d+\)\n {4}WHERE r\d+\.retracted IS NULL/);
    expect(sent.params).toMatchObject({ ids: ['x'] });
  });

  it('answers totalCount alone with a count, never with the page', async () => {
    const [sent] = await compiledStatements('{ persons { totalCount } }');
    expect(sent.text).toBe('CALL () {\nMATCH (n:Person)\nRETURN count(n) AS total\n}\nRETURN total');
  });

  it('writes only allow-listed relationship types into the text', async () => {
    expect(relationshipPattern('r', ['OFFICE_OF', 'ENVOY_OF'], 'INCOMING')).toBe('<-[r:ENVOY_OF|OFFICE_OF]-');
    expect(() => relationshipPattern('r', ['HOLDS_OFFICE]-() DETACH DELETE n //'], 'OUTGOING')).toThrow(/is not a relationship type of the model/);
    // A client's unknown type never reaches the text: the field is left out, and its resolver refuses it as BAD_USER_INPUT.
    const [unknown] = await compiledStatements('{ entity(id: "x") { relations(types: ["LIKES]-() DELETE n //"]) { totalCount } } }');
    expect(unknown.text).not.toMatch(/LIKES|COUNT/);
    const [none] = await compiledStatements('{ entity(id: "x") { relations(types: []) { totalCount edges { cursor } } } }');
    expect(none.text).toContain('THEN null ELSE [n.id, [[], 0]] END');
  });
});

describe('the worked example of docs/api.md', () => {
  it('is what the compiler writes for its query', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/api.md'), 'utf8');
    const example = doc.slice(doc.indexOf('Worked example'));
    const query = /```graphql\n([\s\S]*?)\n```/.exec(example)![1];
    const cypher = /```cypher\n([\s\S]*?)\n```/.exec(example)![1];
    const params = /with `(\{[^`]*\})`/.exec(example)![1];
    const [sent] = await compiledStatements(query);
    expect(sent.text).toBe(cypher);
    expect(sent.params).toEqual(JSON.parse(params.replace(/(\w+):/g, '"$1":')));
  });
});

import type { RelatedKey } from '../../src/loaders/relatedLoader';
import { relatedStatement, relationshipPattern } from '../../src/loaders/relatedQuery';
import { RELATION_TYPES } from '../../src/model';

const key = (id: string, select: Partial<RelatedKey>): RelatedKey => ({
  id,
  types: null,
  direction: 'BOTH',
  label: null,
  via: null,
  first: 5,
  after: null,
  ...select,
});

const offices = key("x' OR 1=1 //", { types: ['HOLDS_OFFICE'], direction: 'OUTGOING', label: 'Office' });
const participants = key('proposal-1', {
  types: ['PARTICIPANT_IN'],
  direction: 'INCOMING',
  via: { types: ['CONCERNS'], direction: 'OUTGOING', label: 'Meeting' },
});
const anything = key('russia', {});

describe('related query text', () => {
  it('reads many keys in one statement: one branch per shape, types written from the allow-list, values in $keys', () => {
    const statement = relatedStatement('counts', [offices, participants, anything, key('person-2', { types: ['HOLDS_OFFICE'], direction: 'OUTGOING' })])!;
    expect(statement.text).toMatchInlineSnapshot(`
"
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  CALL (key) {
    WITH key WHERE key.branch = 0
    MATCH (:Entity {id: key.id})-[v:CONCERNS]->(hop:Entity)
    WHERE key.via.label IS NULL OR key.via.label IN labels(hop)
    WITH DISTINCT key, hop AS n
    MATCH (n)<-[r:PARTICIPANT_IN]-(m:Entity)
    RETURN n, r, m
    UNION ALL
    WITH key WHERE key.branch = 1
    MATCH (n:Entity {id: key.id})-[r:HOLDS_OFFICE]->(m:Entity)
    RETURN n, r, m
    UNION ALL
    WITH key WHERE key.branch = 2
    MATCH (n:Entity {id: key.id})-[r]-(m:Entity)
    RETURN n, r, m
  }
  WITH key, n, r, m, CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
  WHERE r.retracted IS NULL
    AND (key.direction = 'BOTH' OR direction = key.direction)
    AND (key.label IS NULL OR key.label IN labels(m))
  RETURN count(*) AS total
}
RETURN i, total
"
`);
    // Two keys of the same shape share a branch; every value is a parameter.
    expect(statement.params.keys.map((k) => k.branch)).toEqual([1, 0, 2, 1]);
    expect(statement.params.keys[0]).toMatchObject({ id: "x' OR 1=1 //", label: 'Office', limit: 0 });
    expect(statement.text).not.toContain("x' OR 1=1");
    expect(statement.text).not.toContain('Office');
  });

  it('writes the same text for the same shapes in any order, so Neo4j reuses its plan', () => {
    const a = relatedStatement('edges', [offices, participants, anything])!;
    const b = relatedStatement('edges', [anything, participants, offices, offices])!;
    expect(b.text).toBe(a.text);
    expect(a.text).toContain('edges[..toInteger(key.limit)]');
    expect(a.params.keys[0].limit).toBe(6);
    expect(relationshipPattern('r', ['OFFICE_OF', 'ENVOY_OF'], 'INCOMING')).toBe('<-[r:ENVOY_OF|OFFICE_OF]-');
  });

  it('writes only allow-listed types into the text and refuses any other', () => {
    const typesIn = (text: string) => [...text.matchAll(/\[\w+:([\w|]+)\]/g)].flatMap((match) => match[1].split('|'));
    const statement = relatedStatement('edges', RELATION_TYPES.map((type, i) => key(`e${i}`, { types: [type] })))!;
    expect(typesIn(statement.text).sort()).toEqual([...RELATION_TYPES].sort());

    const injected = 'HOLDS_OFFICE]-() DETACH DELETE n //';
    expect(() => relatedStatement('edges', [key('a', { types: ['HOLDS_OFFICE', injected] })])).toThrow(
      /"HOLDS_OFFICE\]-\(\) DETACH DELETE n \/\/" is not a relationship type of the model/,
    );
    expect(() => relatedStatement('counts', [{ ...participants, via: { types: ['CONCERNS`'] as never, direction: 'OUTGOING' } }])).toThrow(
      /not a relationship type/,
    );
  });

  it('sends nothing when no key can have relationships (an empty list of types)', () => {
    expect(relatedStatement('edges', [key('a', { types: [] })])).toBeNull();
    const mixed = relatedStatement('counts', [key('a', { types: [] }), offices])!;
    expect(mixed.params.keys.map((k) => k.branch)).toEqual([null, 0]);
  });
});

import { countQuery, listQuery, ORDERINGS } from '../../src/lists';
import { keysetCondition, orderCondition } from '../../src/lists/keysetCondition';
import { whereClause } from '../../src/lists/whereClause';

const limits = { listDefault: 20, listMax: 100, queryMaxDepth: 16, queryMaxCost: 20_000, queryMaxAliases: 30, queryTimeoutMs: 10_000 };

describe('list query text', () => {
  it('puts every value in a parameter, and only fixed names in the text', () => {
    const where = whereClause(
      {
        id: "x' OR 1=1 //",
        name: { contains: 'PUT', startsWith: null },
        relatedTo: [{ id: 'russia', types: ['PROPOSED_TO'], direction: 'INCOMING' }],
        status: ['unanswered'],
        date: { from: new Date('2025-01-01T00:00:00Z'), to: null },
      },
      limits,
    );
    const ordering = ORDERINGS.NAME_ASC;
    const cypher = listQuery('Proposal', [...where, keysetCondition(ordering, 'M', 'm')], ordering, true, "n { .id, .name, label: 'Proposal' }");
    expect(cypher).toMatchInlineSnapshot(`
"MATCH (n:Proposal) USING INDEX SEEK n:Proposal(name, id)
WHERE n.id = $whereId
  AND (replace(replace(toLower(n.name), '–', '-'), '—', '-') CONTAINS $name_contains OR any(a IN coalesce(n.aliases, []) WHERE replace(replace(toLower(a), '–', '-'), '—', '-') CONTAINS $name_contains))
  AND EXISTS { MATCH (n)<-[r:PROPOSED_TO]-(:Entity {id: $related0Id}) WHERE r.retracted IS NULL }
  AND n.status IN $where_status
  AND n.date >= date($dateFrom)
  AND n.name >= $afterValue AND n.id IS NOT NULL AND [n.name, n.id] > [$afterValue, $afterId]
WITH n ORDER BY n.name ASC, n.id ASC LIMIT toInteger($limit)
RETURN collect(n { .id, .name, label: 'Proposal' }) AS page"
`);
    expect(Object.assign({}, ...where.map((c) => c.params))).toEqual({
      whereId: "x' OR 1=1 //",
      name_contains: 'put',
      related0Id: 'russia',
      where_status: ['unanswered'],
      dateFrom: '2025-01-01',
    });
    expect(cypher).not.toContain('russia');
    expect(countQuery('Proposal', where)).toContain('RETURN count(n) AS total');
  });

  it('orders dates with the undated last (asc) or first (desc), as Neo4j sorts nulls', () => {
    expect(keysetCondition(ORDERINGS.DATE_ASC, '2025-01-01', 'a').text).toBe(
      '(n.date > date($afterValue) OR n.date = date($afterValue) AND n.id > $afterId OR n.date IS NULL)',
    );
    expect(keysetCondition(ORDERINGS.DATE_ASC, null, 'a').text).toBe('(n.date IS NULL AND n.id > $afterId)');
    expect(keysetCondition(ORDERINGS.DATE_DESC, '2025-01-01', 'a').text).toBe(
      '(n.date < date($afterValue) OR n.date = date($afterValue) AND n.id < $afterId)',
    );
    expect(keysetCondition(ORDERINGS.DATE_DESC, null, 'a').text).toBe('(n.date IS NOT NULL OR n.id < $afterId)');
    expect(keysetCondition(ORDERINGS.ID_DESC, null, 'a').text).toBe('n.id < $afterId');
    expect(orderCondition(ORDERINGS.NAME_DESC)?.text).toBe('n.name IS NOT NULL AND n.id IS NOT NULL');
    expect(orderCondition(ORDERINGS.DATE_ASC)).toBeNull();
  });

  it('refuses unknown relation types and too many filters in where', () => {
    expect(() => whereClause({ relatedTo: [{ id: 'x', types: ['LIKES'] }] }, limits)).toThrow(
      /where\.relatedTo\[0\]\.types: "LIKES" is not a relationship type; expected one of HOLDS_OFFICE/,
    );
    expect(() => whereClause({ relatedTo: Array.from({ length: 6 }, () => ({ id: 'x' })) }, limits)).toThrow(/at most 5/);
    expect(() => whereClause({ idIn: Array.from({ length: 101 }, (_, i) => `id-${i}`) }, limits)).toThrow(/where\.idIn: at most 100 ids, got 101/);
  });
});

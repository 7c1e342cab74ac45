import neo4j from 'neo4j-driver';
import { plainRows } from '../../src/db/plainRows';
import { toPlain } from '../../src/db/toPlain';

describe('toPlain', () => {
  it('keeps strings, numbers and booleans, and turns null and undefined into null', () => {
    expect(toPlain('Person 1')).toBe('Person 1');
    expect(toPlain(0)).toBe(0);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });

  it('turns integers into numbers, and into strings beyond 2^53 so nothing is rounded', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(BigInt(7))).toBe(7);
    expect(toPlain(BigInt('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns nodes and relationships into their properties, temporal values into ISO strings, paths into null', () => {
    const start = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'a', born: new neo4j.types.Date(1990, 5, 17) }, 'e1');
    const end = new neo4j.types.Node(neo4j.int(2), ['Entity'], { id: 'b' }, 'e2');
    const edge = new neo4j.types.Relationship(neo4j.int(3), neo4j.int(1), neo4j.int(2), 'PROPOSED', { weight: neo4j.int(2) }, 'r3', 'e1', 'e2');
    expect(toPlain(start)).toEqual({ id: 'a', born: '1990-05-17' });
    expect(toPlain(edge)).toEqual({ weight: 2 });
    expect(toPlain(new neo4j.types.Path(start, end, [new neo4j.types.PathSegment(start, edge, end)]))).toBeNull();
    expect(toPlain(new neo4j.types.Duration(1, 2, 3, 0))).toBe('P1M2DT3S');
  });

  it('converts every value of nested maps and lists, as a compiled read returns them', () => {
    const row = {
      page: {
        totalCount: neo4j.int(3),
        edges: [{ node: { id: 'p1', at: new neo4j.types.LocalDateTime(2024, 1, 2, 3, 4, 5, 0), tags: ['x', neo4j.int(5)] }, gone: undefined }],
      },
    };
    expect(toPlain(row)).toEqual({
      page: { totalCount: 3, edges: [{ node: { id: 'p1', at: '2024-01-02T03:04:05', tags: ['x', 5] }, gone: null }] },
    });
  });
});

describe('plainRows', () => {
  const record = (values: Record<string, unknown>) => new neo4j.Record(Object.keys(values), Object.values(values));

  it('gives the rows toPlain would give, converting the driver maps and lists in place', () => {
    const page = [{ name: 'Person 1', offices: { page: [{ node: { name: 'Office 1', since: new neo4j.types.Date(2024, 1, 2) } }] } }];
    const { rows } = plainRows([record({ page, total: neo4j.int(7) })]);
    expect(rows).toEqual([{ page: [{ name: 'Person 1', offices: { page: [{ node: { name: 'Office 1', since: '2024-01-02' } }] } }], total: 7 }]);
    // The same list, not a copy of it.
    expect((rows[0] as { page: unknown }).page).toBe(page);
  });

  it('counts about as many bytes as the rows take as JSON', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      record({ name: `Proposal ${i}`, proposer: [{ node: { name: `Person ${i}` }, n: neo4j.int(i) }], flag: i % 2 === 0 }),
    );
    const { rows: plain, bytes } = plainRows(rows);
    const json = JSON.stringify(plain).length;
    expect(bytes).toBeGreaterThan(json * 0.8);
    expect(bytes).toBeLessThan(json * 1.5);
  });
});

import { orNull, readLayout, renderRecord, VALUE, type Layout } from '../../src/compile';

describe('readLayout: compiled values back into records', () => {
  const entity = renderRecord([
    { key: 'id', text: 'n.id' },
    { key: 'name', text: 'n.name' },
  ]);

  it('renders a record as a Cypher list and names its positions', () => {
    expect(entity.text).toBe('[n.id, n.name]');
    expect(readLayout(['p1', 'Witkoff'], entity.layout)).toEqual({ id: 'p1', name: 'Witkoff' });
  });

  it('reads lists, nested records, nulls and the branch a CASE returned', () => {
    const relation: Layout = { kind: 'record', keys: ['page', 'total'], fields: [{ kind: 'list', item: entity.layout }, VALUE] };
    const layout: Layout = {
      kind: 'record',
      keys: ['name', '@offices', '@other'],
      fields: [VALUE, { kind: 'branches', branches: [VALUE, relation] }, relation],
    };
    const value = ['Witkoff', [1, [[['o1', 'Envoy'], null], 2]], null];
    expect(readLayout(value, layout)).toEqual({
      name: 'Witkoff',
      '@offices': { page: [{ id: 'o1', name: 'Envoy' }, null], total: 2 },
      '@other': null,
    });
    // A CASE that matched no branch is null.
    expect(readLayout(['x', null, null], layout)).toEqual({ name: 'x', '@offices': null, '@other': null });
  });

  it('sends a record of one key as its value alone, and keeps it a list where the whole record may be null', () => {
    const single = renderRecord([{ key: 'name', text: 'm.name' }]);
    expect(single.text).toBe('m.name');
    expect(readLayout('Envoy', single.layout)).toEqual({ name: 'Envoy' });
    // A null value of its one key is still a record.
    expect(readLayout(null, single.layout)).toEqual({ name: null });
    const maybe = orNull('m IS NULL', single);
    expect(maybe.text).toBe('CASE WHEN m IS NULL THEN null ELSE [m.name] END');
    expect(readLayout(null, maybe.layout)).toBeNull();
    expect(readLayout([null], maybe.layout)).toEqual({ name: null });
    // A record of several keys is a list either way.
    expect(orNull('n IS NULL', entity).text).toBe('CASE WHEN n IS NULL THEN null ELSE [n.id, n.name] END');
  });

  it('keeps a value of layout VALUE as Neo4j returned it, maps included', () => {
    const props = { role: 'envoy', sources: ['s1'] };
    expect(readLayout(props, VALUE)).toBe(props);
  });
});

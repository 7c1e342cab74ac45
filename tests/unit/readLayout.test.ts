import { readLayout, renderRecord, VALUE, type Layout } from '../../src/compile';

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
    const relation: Layout = { kind: 'record', keys: ['nodes', 'total'], fields: [{ kind: 'list', item: entity.layout }, VALUE] };
    const layout: Layout = {
      kind: 'record',
      keys: ['name', '@offices', '@other'],
      fields: [VALUE, { kind: 'branches', branches: [VALUE, relation] }, relation],
    };
    const value = ['Witkoff', [1, [[['o1', 'Envoy'], null], 2]], null];
    expect(readLayout(value, layout)).toEqual({
      name: 'Witkoff',
      '@offices': { nodes: [{ id: 'o1', name: 'Envoy' }, null], total: 2 },
      '@other': null,
    });
    // A CASE that matched no branch is null.
    expect(readLayout(['x', null, null], layout)).toEqual({ name: 'x', '@offices': null, '@other': null });
  });

  it('keeps a value of layout VALUE as Neo4j returned it, maps included', () => {
    const props = { role: 'envoy', sources: ['s1'] };
    expect(readLayout(props, VALUE)).toBe(props);
  });
});

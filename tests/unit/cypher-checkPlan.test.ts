import { ALLOWED_PROCEDURES, checkPlan, procedureName, splitOperatorType } from '../../src/cypher-sandbox/checkPlan';
import type { Plan } from '../../src/cypher-sandbox/CypherTypes';

/** A plan operator the way the driver reports one. */
function op(operatorType: string, children: Plan[] = [], details?: string): Plan {
  return { operatorType, identifiers: [], arguments: details === undefined ? {} : { Details: details }, children };
}
const root = (...children: Plan[]) => op('ProduceResults@neo4j', children);
const refused = (plan: Plan, queryType = 'r', database = 'neo4j') => checkPlan({ queryType, plan }, database).map((r) => r.refused);

describe('checkPlan, the plan-based guard layer', () => {
  it('allows a read-only plan', () => {
    expect(refused(root(op('Filter@neo4j', [op('NodeByLabelScan@neo4j')])))).toEqual([]);
  });
  it('refuses a query type other than r', () => {
    expect(refused(root(op('Projection@neo4j')), 'rw')).toEqual(['query type rw']);
    expect(refused(root(op('Projection@neo4j')), 's')).toEqual(['query type s']);
  });
  it.each([
    'LoadCSV',
    'ShowSettings',
    'ShowTransactions',
    'TerminateTransactions',
    'TransactionApply',
    'TransactionForeach',
    'Create',
    'Merge',
    'LockingMerge',
    'SetProperty',
    'SetNodePropertiesFromMap',
    'SetLabels',
    'RemoveLabels',
    'Delete',
    'DetachDelete',
    'Foreach',
    'SubqueryForeach',
    'CreateIndex',
    'DropConstraint',
    'AdministrationCommand',
  ])('refuses %s anywhere in the tree, even when the query type says read', (operator) => {
    const plan = root(op('Apply@neo4j', [op('Argument@neo4j'), op('Limit@neo4j', [op(`${operator}@neo4j`)])]));
    expect(refused(plan, 'r')).toContain(operator);
  });
  it('allows the catalogue and full-text procedures by name', () => {
    for (const name of ALLOWED_PROCEDURES) {
      expect(refused(root(op('ProcedureCall@neo4j', [], `${name}($autostring_0) :: (x :: STRING)`)))).toEqual([]);
    }
  });
  it.each(['dbms.listConfig', 'db.createLabel', 'tx.setMetaData', 'db.clearQueryCaches', 'dbms.components', 'db.labelsX', 'db'])(
    'refuses the procedure %s',
    (name) => {
      expect(refused(root(op('ProcedureCall@neo4j', [], `${name}() :: ()`)))).toEqual([name]);
    },
  );
  it('refuses a procedure call it cannot identify', () => {
    expect(refused(root(op('ProcedureCall@neo4j')))).toEqual(['ProcedureCall']);
    expect(refused(root(op('ProcedureCall@neo4j', [], '???')))).toEqual(['ProcedureCall']);
  });
  it('refuses operators on another database', () => {
    expect(refused(op('ProduceResults@system', [op('AllNodesScan@system')]))).toEqual(['database system', 'database system']);
  });
  it('refuses a missing plan', () => {
    expect(checkPlan({ queryType: 'r', plan: false }, 'neo4j')[0].refused).toBe('no plan');
  });
  it('splits operator types and reads procedure names', () => {
    expect(splitOperatorType('Expand(All)@neo4j')).toEqual(['Expand(All)', 'neo4j']);
    expect(splitOperatorType('Expand(All)')).toEqual(['Expand(All)', undefined]);
    expect(procedureName(op('ProcedureCall', [], 'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)'))).toBe('db.index.fulltext.queryNodes');
  });
});

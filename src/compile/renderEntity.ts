import { isEntityType } from '../model';
import { renderRecord, type RecordEntry, type Rendered } from './Layout';
import { renderRelation } from './renderRelation';
import type { EntityPlan } from './SelectionPlan';
import type { VariableNames } from './VariableNames';

/** The entity label of node `v`: its one label besides Entity (the label projection every entity read uses). */
export const labelOf = (v: string): string => `[l IN labels(${v}) WHERE l <> 'Entity'][0]`;

/** A label or property name of the model, checked before it is written into query text. */
function name(value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new Error(`${JSON.stringify(value)} is not a name that is written into a query`);
  return value;
}

/**
 * The record of entity `v` for a plan: the selected properties, its label
 * when the answer depends on it (type, __typename, fragments), and one
 * `@key` entry per relation field, holding that field's page, so resolvers
 * below read it from the parent.
 * A relation that differs by type is a CASE over the labels.
 *
 * @param idVariable a variable that holds the entity's id already
 */
export function renderEntity(plan: EntityPlan, v: string, names: VariableNames, idVariable?: string): Rendered {
  // An id read already (for a sort) is reused rather than read again.
  const entries: RecordEntry[] = plan.props.map((prop) => ({
    key: prop,
    text: prop === 'id' && idVariable ? idVariable : `${v}.${name(prop)}`,
  }));
  if (plan.readsLabel) entries.push({ key: 'label', text: plan.label && isEntityType(plan.label) ? `'${plan.label}'` : labelOf(v) });
  for (const slot of plan.relations) {
    const branches = slot.branches.map(({ labels, relation }) => ({ labels, rendered: renderRelation(relation, v, names) }));
    const key = `@${name(slot.key)}`;
    if (branches.length === 1 && branches[0].labels === null) {
      entries.push({ key, ...branches[0].rendered });
      continue;
    }
    // Each branch returns its index beside its value, so the reader knows which layout it has.
    const cases = branches.map((b, i) => `WHEN ${b.labels!.map((l) => `${v}:${name(l)}`).join(' OR ')} THEN [${i}, ${b.rendered.text}]`);
    entries.push({ key, text: `CASE ${cases.join(' ')} END`, layout: { kind: 'branches', branches: branches.map((b) => b.rendered.layout) } });
  }
  return renderRecord(entries);
}

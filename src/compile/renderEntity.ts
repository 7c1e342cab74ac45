import { isEntityType } from '../model';
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
 * The map projection of entity `v` for a plan: the selected properties,
 * its label when the answer depends on it (type, __typename, fragments),
 * and one `@key` entry per relation field, holding that field's page, so
 * resolvers below read it from the parent.
 * A relation that differs by type is a CASE over the labels.
 *
 * @param idVariable a variable that holds the entity's id already
 */
export function renderEntity(plan: EntityPlan, v: string, names: VariableNames, idVariable?: string): string {
  // An id read already (for a sort) is reused rather than read again.
  const entries = plan.props.map((prop) => (prop === 'id' && idVariable ? `id: ${idVariable}` : `.${name(prop)}`));
  if (plan.readsLabel) entries.push(`label: ${plan.label && isEntityType(plan.label) ? `'${plan.label}'` : labelOf(v)}`);
  for (const slot of plan.relations) {
    const branches = slot.branches.map(({ labels, relation }) => ({ labels, text: renderRelation(relation, v, names) }));
    const value =
      branches.length === 1 && branches[0].labels === null
        ? branches[0].text
        : `CASE ${branches.map((b) => `WHEN ${b.labels!.map((l) => `${v}:${name(l)}`).join(' OR ')} THEN ${b.text}`).join(' ')} END`;
    entries.push(`\`@${name(slot.key)}\`: ${value}`);
  }
  return `${v} { ${entries.join(', ')} }`;
}

import { ENTITY_TYPES, type EntityType } from '../model';
import { RELATION_FIELDS, type RelationStep } from '../relations';

const arrow = (step: RelationStep) => (step.direction === 'OUTGOING' ? '→' : '←');

/** A step as the docs write it: `HOLDS_OFFICE →, Office`; `ABOUT ←` when any entity can be at the far end. */
const describeStep = (step: RelationStep, separator: string) =>
  `${step.types.join(' or ')} ${arrow(step)}${step.label ? `${separator}${step.label}` : ''}`;

/**
 * The "Typed relation fields" table of docs/api.md, from RELATION_FIELDS:
 * one row for the fields every entity type has, then one per type with the
 * rest, each field with its relationship types, direction (→ outgoing,
 * ← incoming) and far-end label. `npm run generate` writes it between the
 * markers of docs/api.md; a unit test compares the two.
 */
export function printRelationFieldsTable(): string {
  const [first] = ENTITY_TYPES;
  // The fields every type takes from one declaration (the group every entity has): the same spec object on each type.
  const everywhere = Object.keys(RELATION_FIELDS[first]).filter((name) =>
    ENTITY_TYPES.every((label) => RELATION_FIELDS[label][name] === RELATION_FIELDS[first][name]),
  );
  const cell = (label: EntityType, names: string[]) =>
    names
      .map((name) => {
        const spec = RELATION_FIELDS[label][name];
        const path = spec.via ? `${describeStep(spec.via, ' ')}, then ${describeStep(spec, ', ')}` : describeStep(spec, ', ');
        return `\`${name}\` (${path})`;
      })
      .join(', ');
  const own = (label: EntityType) => Object.keys(RELATION_FIELDS[label]).filter((name) => !everywhere.includes(name));
  const rows = [`| every type | ${cell(first, everywhere)} |`, ...ENTITY_TYPES.map((label) => `| ${label} | ${cell(label, own(label))} |`)];
  return ['| type | fields |', '| --- | --- |', ...rows].join('\n');
}

import { execFileSync } from 'node:child_process';
import {
  buildSchema as buildFromSdl,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { projectRoot } from '../../src/config';
import { ENTITY_TYPES } from '../../src/model';
import { RELATION_FIELDS } from '../../src/relations';
import { buildSchema, relationConnectionType } from '../../src/schema';

/** Every place of the schema that should carry a description but does not. */
function missingDescriptions(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(`type ${type.name}`, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe('the schema as a contract', () => {
  const schema = buildSchema();

  it('describes every type, field, argument, enum value and input field', () => {
    expect(missingDescriptions(schema)).toEqual([]);
  });

  it('notices a missing description (the check itself works)', () => {
    const bare = buildFromSdl('"Root." type Query { "Documented." a(x: Int): Int b: Int } enum E { "Yes." A B }');
    expect(missingDescriptions(bare)).toEqual(['Query.a(x)', 'Query.b', 'type E', 'E.B']);
  });

  it('has a GraphQL type implementing Entity for every entity label, and an EntityType value for each', () => {
    const entity = schema.getType('Entity');
    const entityType = schema.getType('EntityType');
    if (!isInterfaceType(entity) || !isEnumType(entityType)) throw new Error('Entity or EntityType is missing');
    expect(
      schema
        .getImplementations(entity)
        .objects.map((t) => t.name)
        .sort(),
    ).toEqual([...ENTITY_TYPES].sort());
    expect(
      entityType
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(ENTITY_TYPES.map((l) => l.toUpperCase()).sort());
  });

  it('has every entity type implement Node, with Entity itself a Node, and Query.node returning a Node', () => {
    const node = schema.getType('Node');
    const entity = schema.getType('Entity');
    if (!isInterfaceType(node) || !isInterfaceType(entity)) throw new Error('Node or Entity is missing');
    expect(entity.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    expect(
      schema
        .getImplementations(node)
        .objects.map((t) => t.name)
        .sort(),
    ).toEqual([...ENTITY_TYPES].sort());
    expect(String(schema.getQueryType()?.getFields().node?.type)).toBe('Node');
  });

  it('has no relation field but those RELATION_FIELDS declares (plus relations), each returning the connection of its far end', () => {
    // The typed relation fields are generated from RELATION_FIELDS (tests/unit/generatedFiles.test.ts keeps the file current);
    // this catches one written by hand elsewhere under schema/, which no resolver or statement would know.
    for (const label of ENTITY_TYPES) {
      const type = schema.getType(label);
      if (!isObjectType(type)) throw new Error(`${label} is not an object type`);
      const declared = Object.values(type.getFields())
        .filter((field) => getNamedType(field.type).name.endsWith('RelationConnection') && field.name !== 'relations')
        .map((field) => `${label}.${field.name}: ${getNamedType(field.type).name}`);
      const modelled = Object.entries(RELATION_FIELDS[label]).map(([name, spec]) => `${label}.${name}: ${relationConnectionType(spec)}`);
      expect(declared).toEqual(modelled);
    }
  });

  it('describes each relation field with the relationship types it follows', () => {
    const unnamed = ENTITY_TYPES.flatMap((label) =>
      Object.entries(RELATION_FIELDS[label]).flatMap(([name, spec]) =>
        spec.types.filter((type) => !spec.description.includes(type)).map((type) => `${label}.${name} does not name ${type}`),
      ),
    );
    expect(unnamed).toEqual([]);
  });

  it('prints as SDL with `npm run -s schema:print`, and the printed SDL builds the same schema', () => {
    const printed = execFileSync('npm', ['run', '-s', 'schema:print'], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
    expect(printed).toContain('type Proposal implements Node & Entity');
    expect(printed).toContain('search(');
    expect(printSchema(buildFromSdl(printed))).toBe(printSchema(schema));
  }, 120_000);
});

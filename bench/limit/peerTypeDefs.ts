import { ENTITY_TYPES } from '../../src/model/entityTypes';

/**
 * The peer's model: @neo4j/graphql 7 type definitions over the same graph as
 * diplograph (the labels, relationship types and properties of
 * generateGraph), for what the bench:limit workloads read. Every entity type
 * implements the Entity interface, as in diplograph, so a relation whose far
 * end may be of any type (proposer, addressees, subjectOf) is typed Entity
 * here too, and the library reads it over every implementing label.
 *
 * Evidence is the relationship's own properties (`Evidence`): the ids of its
 * sources, the quote, the confidence and `retracted`. What @neo4j/graphql
 * cannot express: looking the Source entities up by the ids in a
 * relationship's `sources` list. A relationship property is no relationship,
 * and the library allows @cypher only on @node and root types, not on
 * @relationshipProperties. The closest honest equivalent is a @cypher field
 * on the near node (`officeSources`, `proposerSources`) that returns the
 * Source nodes the same page of relationships cites (same type, direction,
 * filter, order and bound); the client joins them to each edge by id. It
 * costs the peer a second walk of the page's relationships, and no more.
 */
const PLAIN_TYPES = ENTITY_TYPES.filter((type) => type !== 'Person' && type !== 'Proposal');

const entityFields = `
  id: ID!
  name: String!
  description: String`;

/** The statement of a `*Sources` field: the Source nodes of one relation page, in one read. */
const pageSources = (pattern: string) =>
  `MATCH ${pattern} WHERE r.retracted IS NULL WITH r, far ORDER BY far.id LIMIT $first UNWIND r.sources AS sid MATCH (s:Source {id: sid}) RETURN DISTINCT s`;

export const peerTypeDefs = /* GraphQL */ `
interface Entity {${entityFields}
}

type Evidence @relationshipProperties {
  sources: [ID!]!
  quote: String
  confidence: Float
  retracted: Boolean
}

type Person implements Entity @node {${entityFields}
  offices: [Office!]! @relationship(type: "HOLDS_OFFICE", direction: OUT, properties: "Evidence")
  proposals: [Proposal!]! @relationship(type: "PROPOSED", direction: OUT, properties: "Evidence")
  subjectOf: [Entity!]! @relationship(type: "ABOUT", direction: IN, properties: "Evidence")
  officeSources(first: Int!): [Source!]! @cypher(statement: "${pageSources('(this)-[r:HOLDS_OFFICE]->(far:Office)')}", columnName: "s")
}

type Proposal implements Entity @node {${entityFields}
  proposer: [Entity!]! @relationship(type: "PROPOSED", direction: IN, properties: "Evidence")
  addressees: [Entity!]! @relationship(type: "PROPOSED_TO", direction: OUT, properties: "Evidence")
  proposerSources(first: Int!): [Source!]! @cypher(statement: "${pageSources('(this)<-[r:PROPOSED]-(far)')}", columnName: "s")
}
${PLAIN_TYPES.map((type) => `\ntype ${type} implements Entity @node {${entityFields}\n}\n`).join('')}
"""
One hit of the full-text search. @neo4j/graphql's @fulltext is declared per type and orders by score alone; diplograph
searches every entity type through one index (entity_fulltext), keeping the best \`first\` and breaking ties by id, so the
peer's search is @cypher, with the same statement.
"""
type SearchHit {
  score: Float!
  id: ID!
  name: String!
}

type Query {
  search(query: String!, first: Int!): [SearchHit!]!
    @cypher(
      statement: "CALL db.index.fulltext.queryNodes('entity_fulltext', $query, {limit: $first}) YIELD node, score WITH node, score ORDER BY score DESC, node.id LIMIT $first RETURN { score: score, id: node.id, name: node.name } AS hit"
      columnName: "hit"
    )
}
`;

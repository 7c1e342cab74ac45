import { luceneQuery } from '../../src/search';

/** One benchmark workload: a GraphQL operation for the API, and the one hand-written statement that answers it. */
export interface Workload {
  name: string;
  /** The GraphQL request the API gets. */
  query: string;
  variables: Record<string, unknown>;
  /** The limit's statement and its parameters. */
  cypher: string;
  params: Record<string, unknown>;
  /** The limit's shaping of the statement's rows into the API's `data`, key for key. */
  data(rows: Array<Record<string, any>>): unknown;
  /** The peer's (@neo4j/graphql's) operation for the same answer. */
  peer: PeerOperation;
}

/** A workload in the peer's own API (bench/limit/peerTypeDefs.ts). */
export interface PeerOperation {
  query: string;
  variables: Record<string, unknown>;
  /** The peer's `data` mapped to diplograph's `data`, to be checked deep-equal to the API's. */
  data(data: Record<string, any>): unknown;
}

const names = (list: string[]) => ({ edges: list.map((name) => ({ node: { name } })) });

/**
 * The arguments of a relation page in the peer's API, read as diplograph reads it: relationships not retracted
 * (`retracted` absent, which @neo4j/graphql 7 writes as `eq: null`), ordered by the far end's id, at most `first`.
 */
const page = (first: number) => `first: ${first}, sort: [{ node: { id: ASC } }], where: { edge: { retracted: { eq: null } } }`;
/** A peer connection of names, as diplograph's `{ edges { node { name } } }`. */
const peerNames = (connection: any) => ({ edges: connection.edges.map((e: any) => ({ node: { name: e.node.name } })) });
/** Evidence of a peer edge, one per source as diplograph gives it: the edge's `sources` ids joined to the page's Source nodes. */
const peerEvidence = (edge: any, sources: Array<{ id: string; name: string }>, withQuote: boolean) =>
  edge.properties.sources.map((id: string) => ({
    ...(withQuote ? { quote: edge.properties.quote } : {}),
    source: { name: sources.find((s) => s.id === id)?.name },
  }));

/**
 * The workloads of bench:limit over the graph of generateGraph (ids under
 * `prefix`). Relation pages are read as the API reads them: ordered by the
 * other entity's id, at most `first` (20 when not given) per parent.
 */
export function workloads(prefix: string): Workload[] {
  const proposer = `${prefix}person-000002`;
  const hub = `${prefix}person-000000`;
  const searchText = 'Person 012345';
  return [
    {
      name: 'W1 persons(first: 20) with offices and proposals',
      query: '{ persons(first: 20) { edges { node { name offices { edges { node { name } } } proposals { edges { node { name } } } } } } }',
      variables: {},
      cypher: `MATCH (n:Person) USING INDEX n:Person(name, id) WHERE n.name IS NOT NULL AND n.id IS NOT NULL
WITH n ORDER BY n.name, n.id LIMIT 20
RETURN n.name AS name,
  COLLECT { MATCH (n)-[r:HOLDS_OFFICE]->(o:Office) WHERE r.retracted IS NULL WITH o ORDER BY o.id LIMIT 20 RETURN o.name } AS offices,
  COLLECT { MATCH (n)-[r:PROPOSED]->(p:Proposal) WHERE r.retracted IS NULL WITH p ORDER BY p.id LIMIT 20 RETURN p.name } AS proposals`,
      params: {},
      data: (rows) => ({ persons: { edges: rows.map((r) => ({ node: { name: r.name, offices: names(r.offices), proposals: names(r.proposals) } })) } }),
      peer: {
        query: `{ peopleConnection(first: 20, sort: [{ name: ASC }, { id: ASC }]) { edges { node { name
  officesConnection(${page(20)}) { edges { node { name } } } proposalsConnection(${page(20)}) { edges { node { name } } } } } } }`,
        variables: {},
        data: (d) => ({
          persons: {
            edges: d.peopleConnection.edges.map((e: any) => ({
              node: { name: e.node.name, offices: peerNames(e.node.officesConnection), proposals: peerNames(e.node.proposalsConnection) },
            })),
          },
        }),
      },
    },
    {
      name: 'W2 proposals(first: 50): proposer (+ evidence source), addressees',
      query:
        '{ proposals(first: 50) { edges { node { name proposer { edges { node { name } evidence { source { name } } } } addressees { edges { node { name } } } } } } }',
      variables: {},
      cypher: `MATCH (n:Proposal) USING INDEX n:Proposal(name, id) WHERE n.name IS NOT NULL AND n.id IS NOT NULL
WITH n ORDER BY n.name, n.id LIMIT 50
RETURN n.name AS name,
  COLLECT { MATCH (n)<-[r:PROPOSED]-(p) WHERE r.retracted IS NULL WITH r, p ORDER BY p.id LIMIT 20
    RETURN { name: p.name, sources: COLLECT { UNWIND r.sources AS sid MATCH (s:Source {id: sid}) RETURN s.name } } } AS proposer,
  COLLECT { MATCH (n)-[r:PROPOSED_TO]->(a) WHERE r.retracted IS NULL WITH a ORDER BY a.id LIMIT 20 RETURN a.name } AS addressees`,
      params: {},
      data: (rows) => ({
        proposals: {
          edges: rows.map((r) => ({
            node: {
              name: r.name,
              proposer: {
                edges: r.proposer.map((p: any) => ({ node: { name: p.name }, evidence: p.sources.map((name: string) => ({ source: { name } })) })),
              },
              addressees: names(r.addressees),
            },
          })),
        },
      }),
      peer: {
        query: `{ proposalsConnection(first: 50, sort: [{ name: ASC }, { id: ASC }]) { edges { node { name
  proposerConnection(${page(20)}) { edges { node { name } properties { sources } } } proposerSources(first: 20) { id name }
  addresseesConnection(${page(20)}) { edges { node { name } } } } } } }`,
        variables: {},
        data: (d) => ({
          proposals: {
            edges: d.proposalsConnection.edges.map(({ node: q }: any) => ({
              node: {
                name: q.name,
                proposer: {
                  edges: q.proposerConnection.edges.map((e: any) => ({
                    node: { name: e.node.name },
                    evidence: peerEvidence(e, q.proposerSources, false),
                  })),
                },
                addressees: peerNames(q.addresseesConnection),
              },
            })),
          },
        }),
      },
    },
    {
      name: 'W4 person by id → proposals → addressees → offices',
      query:
        'query($id: ID!) { entity(id: $id) { name ... on Person { proposals { edges { node { name addressees { edges { node { name ... on Person { offices { edges { node { name } } } } } } } } } } } } }',
      variables: { id: proposer },
      cypher: `MATCH (n:Entity {id: $id})
RETURN n.name AS name, COLLECT { MATCH (n)-[r:PROPOSED]->(q:Proposal) WHERE r.retracted IS NULL WITH q ORDER BY q.id LIMIT 20
  RETURN { name: q.name, addressees: COLLECT { MATCH (q)-[r2:PROPOSED_TO]->(a) WHERE r2.retracted IS NULL WITH a ORDER BY a.id LIMIT 20
    RETURN { name: a.name, offices: COLLECT { MATCH (a)-[r3:HOLDS_OFFICE]->(o:Office) WHERE r3.retracted IS NULL WITH o ORDER BY o.id LIMIT 20 RETURN o.name } } } } } AS proposals`,
      params: { id: proposer },
      data: ([r]) => ({
        entity: {
          name: r.name,
          proposals: {
            edges: r.proposals.map((q: any) => ({
              node: { name: q.name, addressees: { edges: q.addressees.map((a: any) => ({ node: { name: a.name, offices: names(a.offices) } })) } },
            })),
          },
        },
      }),
      peer: {
        query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { name ... on Person { proposalsConnection(${page(20)}) { edges { node { name
  addresseesConnection(${page(20)}) { edges { node { name ... on Person { officesConnection(${page(20)}) { edges { node { name } } } } } } } } } } } } }`,
        variables: { id: proposer },
        data: (d) => {
          const [person] = d.entities;
          return {
            entity: {
              name: person.name,
              proposals: {
                edges: person.proposalsConnection.edges.map(({ node: q }: any) => ({
                  node: {
                    name: q.name,
                    addressees: {
                      edges: q.addresseesConnection.edges.map(({ node: a }: any) => ({ node: { name: a.name, offices: peerNames(a.officesConnection) } })),
                    },
                  },
                })),
              },
            },
          };
        },
      },
    },
    {
      name: 'W5 persons { totalCount }',
      query: '{ persons { totalCount } }',
      variables: {},
      cypher: 'MATCH (n:Person) RETURN count(n) AS total',
      params: {},
      data: ([r]) => ({ persons: { totalCount: r.total } }),
      peer: { query: '{ peopleConnection { totalCount } }', variables: {}, data: (d) => ({ persons: { totalCount: d.peopleConnection.totalCount } }) },
    },
    {
      name: 'entity page of a hub (offices + evidence, subjectOf of 50k)',
      query:
        'query($id: ID!) { entity(id: $id) { id name description ... on Person { offices(first: 10) { totalCount edges { node { name } evidence { quote source { name } } } } subjectOf(first: 5) { totalCount edges { node { name } } } } } }',
      variables: { id: hub },
      cypher: `MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.name AS name, n.description AS description,
  COUNT { (n)-[r:HOLDS_OFFICE]->(:Office) WHERE r.retracted IS NULL } AS officeCount,
  COLLECT { MATCH (n)-[r:HOLDS_OFFICE]->(o:Office) WHERE r.retracted IS NULL WITH r, o ORDER BY o.id LIMIT 10
    RETURN { name: o.name, quote: r.quote, sources: COLLECT { UNWIND r.sources AS sid MATCH (s:Source {id: sid}) RETURN s.name } } } AS offices,
  COUNT { (n)<-[r:ABOUT]-() WHERE r.retracted IS NULL } AS aboutCount,
  COLLECT { MATCH (n)<-[r:ABOUT]-(s) WHERE r.retracted IS NULL WITH s ORDER BY s.id LIMIT 5 RETURN s.name } AS subjectOf`,
      params: { id: hub },
      data: ([r]) => ({
        entity: {
          id: r.id,
          name: r.name,
          description: r.description,
          offices: {
            totalCount: r.officeCount,
            edges: r.offices.map((o: any) => ({
              node: { name: o.name },
              evidence: o.sources.map((name: string) => ({ quote: o.quote, source: { name } })),
            })),
          },
          subjectOf: { totalCount: r.aboutCount, edges: r.subjectOf.map((name: string) => ({ node: { name } })) },
        },
      }),
      peer: {
        query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { id name description ... on Person {
  officesConnection(${page(10)}) { totalCount edges { node { name } properties { quote sources } } } officeSources(first: 10) { id name }
  subjectOfConnection(${page(5)}) { totalCount edges { node { name } } } } } }`,
        variables: { id: hub },
        data: (d) => {
          const [person] = d.entities;
          return {
            entity: {
              id: person.id,
              name: person.name,
              description: person.description,
              offices: {
                totalCount: person.officesConnection.totalCount,
                edges: person.officesConnection.edges.map((e: any) => ({
                  node: { name: e.node.name },
                  evidence: peerEvidence(e, person.officeSources, true),
                })),
              },
              subjectOf: { totalCount: person.subjectOfConnection.totalCount, ...peerNames(person.subjectOfConnection) },
            },
          };
        },
      },
    },
    {
      name: 'search(text: "Person 012345", first: 10)',
      query: 'query($text: String!) { search(text: $text, first: 10) { score entity { id name } } }',
      variables: { text: searchText },
      cypher: `CALL db.index.fulltext.queryNodes('entity_fulltext', $query, {limit: 10}) YIELD node, score
RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, node.id LIMIT 10`,
      params: { query: luceneQuery(searchText) },
      data: (rows) => ({ search: rows.map((r) => ({ score: r.score, entity: { id: r.id, name: r.name } })) }),
      peer: {
        // The peer's search takes the Lucene query diplograph builds from the text (its @cypher field runs it as given).
        query: 'query($query: String!, $first: Int!) { search(query: $query, first: $first) { score id name } }',
        variables: { query: luceneQuery(searchText), first: 10 },
        data: (d) => ({ search: d.search.map((h: any) => ({ score: h.score, entity: { id: h.id, name: h.name } })) }),
      },
    },
  ];
}

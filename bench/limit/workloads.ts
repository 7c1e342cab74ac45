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
}

const names = (list: string[]) => ({ edges: list.map((name) => ({ node: { name } })) });

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
    },
    {
      name: 'W5 persons { totalCount }',
      query: '{ persons { totalCount } }',
      variables: {},
      cypher: 'MATCH (n:Person) RETURN count(n) AS total',
      params: {},
      data: ([r]) => ({ persons: { totalCount: r.total } }),
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
    },
    {
      name: 'search(text: "Person 012345", first: 10)',
      query: 'query($text: String!) { search(text: $text, first: 10) { score entity { id name } } }',
      variables: { text: searchText },
      cypher: `CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node, score
RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, node.id LIMIT 10`,
      params: { query: luceneQuery(searchText) },
      data: (rows) => ({ search: rows.map((r) => ({ score: r.score, entity: { id: r.id, name: r.name } })) }),
    },
  ];
}

/**
 * The operations GraphiQL opens with, one tab each, on the seeded graph:
 * what a newcomer would ask first. Each must run as written against a
 * freshly seeded database (the browser test runs the first one).
 */
export interface Example {
  query: string;
  variables?: string;
  headers?: string;
}

const whoProposedWhat = `# Who proposed what to whom, and how the addressees answered,
# with the source and the words it quotes.
query WhoProposedWhat {
  proposals {
    edges {
      node {
        name
        status
        proposer { edges { node { name } evidence { source { name } quote confidence } } }
        addressees { edges { node { name } } }
        responses { edges { type node { name } evidence { quote source { name } } } }
      }
    }
  }
}
`;

const entityPage = `# One entity's page: what it is, its offices and principals, what it said.
query EntityPage($id: ID!) {
  entity(id: $id) {
    id
    name
    type
    description
    ... on Person {
      offices { edges { node { name } role evidence { source { name } } } }
      principals { edges { node { name } role } }
      statements { edges { node { name } } }
    }
  }
}
`;

const neighbourhood = `# Everything within two hops of an entity, ready to draw.
query Neighbourhood($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 50) {
    truncated
    nodes { distance entity { id name type } }
    edges { id type from to role evidence { quote source { name } } }
  }
}
`;

const paths = `# How two entities are connected, with the evidence of every hop.
query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: 4, first: 3) {
    length
    nodes { entity { id name } }
    edges { type from to role evidence { quote source { name } } }
  }
}
`;

const analyst = `# Read-only Cypher for analysts: put an analyst key in the Headers tab
# (npm run apikey -- new alice analyst prints one).
query Analyst {
  cypher(
    query: "MATCH (p:Person)-[r:PROPOSED]->(x) RETURN p, r, x"
    limit: 20
  ) {
    columns
    rows
    graph {
      nodes { id type name }
      relationships { type from to evidence { quote source { name } } }
    }
    truncated
  }
}
`;

/** The tabs, in the order they open. */
export const EXAMPLES: Example[] = [
  { query: whoProposedWhat },
  { query: entityPage, variables: JSON.stringify({ id: 'steve-witkoff' }, null, 2) },
  { query: neighbourhood, variables: JSON.stringify({ id: 'steve-witkoff' }, null, 2) },
  { query: paths, variables: JSON.stringify({ from: 'steve-witkoff', to: 'volodymyr-zelensky' }, null, 2) },
  { query: analyst, headers: JSON.stringify({ Authorization: 'Bearer PASTE-AN-ANALYST-KEY-HERE' }, null, 2) },
];

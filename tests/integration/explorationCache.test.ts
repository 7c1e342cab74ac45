import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { startTestApp, type TestApp } from '../harness/testApp';

/**
 * The client contract under a normalizing cache: Apollo Client's
 * InMemoryCache keys objects by __typename and id. A subgraph node's
 * distance depends on the query, so GraphNode has no id; the entity, the
 * same in every query, is cached once.
 */
const NEIGHBOURHOOD = gql`
  query Neighbourhood($id: ID!) {
    neighborhood(id: $id, depth: 1, limit: 50) {
      nodes {
        entityId
        distance
        entity {
          id
          name
        }
      }
      elements {
        nodes {
          data {
            id
            label
            type
          }
          classes
        }
        edges {
          data {
            id
            source
            target
            label
          }
          classes
        }
      }
    }
  }
`;

/** What a node-by-id contract would be: the alias gives GraphNode the id that InMemoryCache normalizes on. */
const NEIGHBOURHOOD_WITH_NODE_IDS = gql`
  query NeighbourhoodWithIds($id: ID!) {
    neighborhood(id: $id, depth: 1, limit: 50) {
      nodes {
        id: entityId
        distance
      }
    }
  }
`;

describe('subgraphs in Apollo Client InMemoryCache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const newClient = () => new ApolloClient({ link: new HttpLink({ uri: t.url, fetch }), cache: new InMemoryCache() });
  const distances = (data: any) => new Map<string, number>(data.neighborhood.nodes.map((n: any) => [n.entityId ?? n.id, n.distance]));
  const classesOf = (data: any, id: string) => data.neighborhood.elements.nodes.find((n: any) => n.data.id === id).classes;

  it("keeps Witkoff's and Trump's neighbourhoods apart: each starts at distance 0", async () => {
    const client = newClient();
    await client.query({ query: NEIGHBOURHOOD, variables: { id: 'steve-witkoff' } });
    await client.query({ query: NEIGHBOURHOOD, variables: { id: 'donald-trump' } });

    const witkoff = client.readQuery({ query: NEIGHBOURHOOD, variables: { id: 'steve-witkoff' } });
    const trump = client.readQuery({ query: NEIGHBOURHOOD, variables: { id: 'donald-trump' } });
    expect(distances(witkoff).get('steve-witkoff')).toBe(0);
    expect(distances(witkoff).get('donald-trump')).toBe(1);
    expect(distances(trump).get('donald-trump')).toBe(0);
    expect(distances(trump).get('steve-witkoff')).toBe(1);
    expect(classesOf(witkoff, 'donald-trump')).toEqual(['person', 'distance-1']);
    expect(classesOf(trump, 'donald-trump')).toEqual(['person', 'distance-0']);

    // The entity itself is one cache object, shared by both answers.
    const cache = client.cache.extract() as Record<string, unknown>;
    expect(cache['Person:steve-witkoff']).toMatchObject({ id: 'steve-witkoff', name: 'Steve Witkoff' });
    expect(Object.keys(cache).some((key) => key.startsWith('GraphNode:'))).toBe(false);
  });

  it("would show the reported bug if GraphNode had an id: Trump at 0 in Witkoff's neighbourhood", async () => {
    const client = newClient();
    await client.query({ query: NEIGHBOURHOOD_WITH_NODE_IDS, variables: { id: 'steve-witkoff' } });
    await client.query({ query: NEIGHBOURHOOD_WITH_NODE_IDS, variables: { id: 'donald-trump' } });
    const witkoff = client.readQuery({ query: NEIGHBOURHOOD_WITH_NODE_IDS, variables: { id: 'steve-witkoff' } });
    expect(distances(witkoff).get('donald-trump')).toBe(0);
    expect(distances(witkoff).get('steve-witkoff')).toBe(1);
  });

  it('gives edges of paths their role and properties like every other edge', async () => {
    const { body } = await t.post(`{ paths(from: "steve-witkoff", to: "donald-trump", maxLength: 1) {
      edges { type role properties evidence { quote } } } }`);
    expect(body.errors).toBeUndefined();
    const envoy = body.data!.paths[0].edges.find((e: any) => e.type === 'ENVOY_OF');
    expect(envoy).toBeDefined();
    expect(envoy.properties).not.toHaveProperty('sources');
    expect(envoy.properties).not.toHaveProperty('quote');
    expect(envoy.role).toBe(envoy.properties.role ?? null);
  });
});

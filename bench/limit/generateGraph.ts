import neo4j from 'neo4j-driver';
import type { Db } from '../../src/db';

/** How big the synthetic graph is; `scale` 1 gives 50,000 persons and about 330,000 relationships. */
export interface GraphSize {
  persons: number;
  offices: number;
  countries: number;
  proposals: number;
  /** Persons who made proposals: proposals are spread over this many, so some have several. */
  proposers: number;
  sources: number;
  /** Statements, each SAID by a person and ABOUT both hubs: each hub gets this many relationships. */
  statements: number;
}

/** The sizes of a scale: 1 is the full benchmark graph, smaller values a quick one (tests, trial runs). */
export function graphSize(scale: number): GraphSize {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  return {
    persons: n(50_000, 40),
    offices: n(5_000, 10),
    countries: n(200, 5),
    proposals: n(20_000, 60),
    proposers: n(2_000, 6),
    sources: n(1_000, 3),
    statements: n(50_000, 50),
  };
}

const BATCH = 10_000;

/**
 * The statements of the generator, one per kind of node or relationship,
 * each run over UNWIND batches of indexes. Persons 0 and 1 are the hubs:
 * every statement is ABOUT both, and their names sort first, so a page of
 * persons by name starts with them. Evidence is what the seed gives every
 * relationship: sources (ids of Source entities), a quote, a confidence.
 */
const STEPS: Array<{ what: string; count: (s: GraphSize) => number; relationships: number; text: string }> = [
  {
    what: 'sources',
    count: (s) => s.sources,
    relationships: 0,
    text: `UNWIND range($from, $to) AS i
CREATE (:Entity:Source {id: $prefix + 'source-' + i, name: 'Agency report ' + i, nameKey: 'agency report ' + i, aliases: [], aliasesText: '', kind: 'report'})`,
  },
  {
    what: 'countries',
    count: (s) => s.countries,
    relationships: 0,
    text: `UNWIND range($from, $to) AS i
CREATE (:Entity:Country {id: $prefix + 'country-' + i, name: 'Country ' + i, nameKey: 'country ' + i, aliases: [], aliasesText: ''})`,
  },
  {
    what: 'offices (OFFICE_OF)',
    count: (s) => s.offices,
    relationships: 1,
    text: `UNWIND range($from, $to) AS i
MATCH (c:Country {id: $prefix + 'country-' + (i % $size.countries)})
CREATE (o:Entity:Office {id: $prefix + 'office-' + i, name: 'Minister of affairs ' + i, nameKey: 'minister of affairs ' + i, aliases: [], aliasesText: ''})
CREATE (o)-[:OFFICE_OF {sources: [$prefix + 'source-' + (i % $size.sources)], confidence: 1.0}]->(c)`,
  },
  {
    what: 'persons (HOLDS_OFFICE x2)',
    count: (s) => s.persons,
    relationships: 2,
    text: `UNWIND range($from, $to) AS i
WITH i, right('00000' + toString(i), 6) AS n
CREATE (p:Entity:Person {id: $prefix + 'person-' + n, name: CASE WHEN i < 2 THEN 'Aaron Hub ' + n ELSE 'Person ' + n END,
  nameKey: 'person ' + n, aliases: ['P. ' + n], aliasesText: 'P. ' + n, description: 'A synthetic person'})
WITH p, i
UNWIND [i % $size.offices, (i * 7 + 3) % $size.offices] AS k
MATCH (o:Office {id: $prefix + 'office-' + k})
CREATE (p)-[:HOLDS_OFFICE {sources: [$prefix + 'source-' + (i % $size.sources)], confidence: 0.9, validFrom: date('2020-01-01')}]->(o)`,
  },
  {
    what: 'proposals (PROPOSED, PROPOSED_TO x3)',
    count: (s) => s.proposals,
    relationships: 4,
    text: `UNWIND range($from, $to) AS i
WITH i, right('00000' + toString(i), 6) AS n
MATCH (by:Person {id: $prefix + 'person-' + right('00000' + toString(2 + i % $size.proposers), 6)})
CREATE (q:Entity:Proposal {id: $prefix + 'proposal-' + n, name: 'Proposal ' + n, nameKey: 'proposal ' + n, aliases: [], aliasesText: '', status: 'made'})
CREATE (by)-[:PROPOSED {sources: [$prefix + 'source-' + (i % $size.sources)], quote: 'We propose ' + n, confidence: 1.0}]->(q)
WITH q, i
UNWIND range(1, 3) AS k
MATCH (to:Person {id: $prefix + 'person-' + right('00000' + toString((i * 31 + k * 977) % $size.persons), 6)})
CREATE (q)-[:PROPOSED_TO {sources: [$prefix + 'source-' + ((i + k) % $size.sources)], confidence: 0.8}]->(to)`,
  },
  {
    what: 'statements (SAID, ABOUT both hubs)',
    count: (s) => s.statements,
    relationships: 3,
    text: `UNWIND range($from, $to) AS i
MATCH (hub0:Person {id: $prefix + 'person-000000'}), (hub1:Person {id: $prefix + 'person-000001'})
MATCH (by:Person {id: $prefix + 'person-' + right('00000' + toString(2 + (i * 13) % ($size.persons - 2)), 6)})
CREATE (s:Entity:Statement {id: $prefix + 'statement-' + i, name: 'Statement ' + i, nameKey: 'statement ' + i, aliases: [], aliasesText: '', kind: 'paraphrase', text: 'Words ' + i})
CREATE (by)-[:SAID {sources: [$prefix + 'source-' + (i % $size.sources)], confidence: 1.0}]->(s)
CREATE (s)-[:ABOUT {sources: [$prefix + 'source-' + (i % $size.sources)], confidence: 1.0}]->(hub0)
CREATE (s)-[:ABOUT {sources: [$prefix + 'source-' + (i % $size.sources)], confidence: 1.0}]->(hub1)`,
  },
];

/**
 * Writes the synthetic graph in the project's own model (labels, id and
 * name properties, evidence on every relationship) in UNWIND batches of
 * 10,000, and reports what it wrote and how fast. The schema (constraints,
 * name indexes) must be applied first: the batches look nodes up by id.
 */
export async function generateGraph(
  db: Db,
  prefix: string,
  size: GraphSize,
  log: (line: string) => void,
): Promise<{ nodes: number; relationships: number }> {
  const started = performance.now();
  let nodes = 0;
  let relationships = 0;
  for (const step of STEPS) {
    const count = step.count(size);
    const stepStarted = performance.now();
    for (let from = 0; from < count; from += BATCH) {
      // Integers, not floats: ids are built from them ('office-' + 3, not 'office-3.0').
      const integers = Object.fromEntries(Object.entries(size).map(([k, v]) => [k, neo4j.int(v)]));
      await db.write(
        'benchGenerate',
        step.text,
        { prefix, from: neo4j.int(from), to: neo4j.int(Math.min(count, from + BATCH) - 1), size: integers },
        // A batch of 10,000 writes for seconds on a busy machine; the API's query timeout is not meant for it.
        { timeoutMs: 300_000 },
      );
    }
    nodes += count;
    relationships += count * step.relationships;
    log(`  ${step.what}: ${count} nodes, ${count * step.relationships} relationships in ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `generated ${nodes} nodes and ${relationships} relationships in ${seconds.toFixed(1)} s: ${Math.round((nodes + relationships) / seconds)} entities+relationships/s`,
  );
  return { nodes, relationships };
}

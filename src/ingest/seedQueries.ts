/**
 * The Cypher of the seed loader. Everything travels as parameters, labels
 * and relationship types included (Cypher 5.26's dynamic `$(...)`), so one
 * statement serves every label and one every type: a load plans three
 * statements instead of one per label and type, which is most of its cost
 * on a freshly started server. Labels and types are still checked against
 * the allow-lists of src/model before they get here (validateSeedDocument).
 */

/** Looks up each document entity by id and, within its type, by name or alias. */
export const RESOLVE_ENTITIES = `
UNWIND $candidates AS c
OPTIONAL MATCH (same:Entity {id: c.id})
WITH c, [label IN labels(same) WHERE label <> 'Entity'] AS sameLabels
OPTIONAL MATCH (byName:Entity)
  WHERE byName.nameKey IN c.keys AND c.label IN labels(byName)
WITH c, sameLabels, collect(byName.id) AS byNameIds
OPTIONAL MATCH (byAlias:Entity)
  WHERE c.nameKey IN byAlias.aliasKeys AND c.label IN labels(byAlias)
RETURN c.id AS id, sameLabels, byNameIds, collect(byAlias.id) AS byAliasIds`;

/** How many entities the graph holds; seedIfEmpty seeds only when there are none. */
export const COUNT_ENTITIES = 'MATCH (n:Entity) RETURN count(n) AS entities';

/** The shared date handling: fixed keys, ISO strings turned into Neo4j Dates; absent dates leave what is there. */
const setDates = (v: string, d: string) => `
    ${v}.date = CASE WHEN ${d}.date IS NULL THEN ${v}.date ELSE date(${d}.date) END,
    ${v}.startDate = CASE WHEN ${d}.startDate IS NULL THEN ${v}.startDate ELSE date(${d}.startDate) END,
    ${v}.validFrom = CASE WHEN ${d}.validFrom IS NULL THEN ${v}.validFrom ELSE date(${d}.validFrom) END,
    ${v}.validTo = CASE WHEN ${d}.validTo IS NULL THEN ${v}.validTo ELSE date(${d}.validTo) END`;

/**
 * Merges a batch of entities, each row naming its label. Names and descriptions are set
 * when the row carries them (null for an entity resolved by name, whose graph
 * name is kept); aliases and sources only ever grow, in first-seen order, so
 * loading the same rows again changes nothing. Each row reports whether its
 * node was created and whether its properties came out unchanged; a node
 * that changed gets the next `version` (the write API's optimistic
 * concurrency counts document loads as changes too).
 */
export const MERGE_ENTITIES = `
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, properties(old) AS before
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
WITH row, before, n, coalesce(n.aliases, []) AS hadAliases, coalesce(n.aliasKeys, []) AS hadKeys, coalesce(n.sources, []) AS hadSources
SET n.name = coalesce(row.name, n.name),
    n.nameKey = coalesce(row.nameKey, n.nameKey),
    n.description = coalesce(row.description, n.description),
    n.sources = hadSources + [s IN row.sources WHERE NOT s IN hadSources],
    n += row.props,${setDates('n', 'row.dates')}
WITH row, before, n, hadAliases, hadKeys
WITH row, before, n,
     hadAliases + [a IN row.aliases WHERE NOT a IN hadAliases AND a <> n.name] AS aliases,
     hadKeys + [k IN row.aliasKeys WHERE NOT k IN hadKeys AND k <> n.nameKey] AS aliasKeys
SET n.aliases = aliases,
    n.aliasKeys = aliasKeys,
    n.aliasesText = reduce(text = '', a IN aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + a)
WITH row, before, n, before = properties(n) AS unchanged
SET n.version = CASE WHEN unchanged THEN n.version ELSE coalesce(n.version, 0) + 1 END
RETURN row.id AS id, before IS NULL AS created, unchanged`;

/**
 * Merges a batch of relationships, each row naming its type (at most one
 * relationship per type between two nodes). The evidence belongs to the documents that first asserted it:
 * when every source of the row is already on the relationship (the same
 * document loaded again, perhaps edited), the row's evidence replaces the
 * old; when a new document asserts it, its sources are added and the first
 * evidence is kept.
 */
export const MERGE_RELATIONS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:$(row.type)]->(b)
WITH row, a, b, properties(old) AS before
MERGE (a)-[r:$(row.type)]->(b)
WITH row, before, r, coalesce(r.sources, []) AS had
WITH row, before, r, had, before IS NULL OR all(s IN row.sources WHERE s IN had) AS own
SET r.sources = had + [s IN row.sources WHERE NOT s IN had],
    r += CASE WHEN own THEN row.props ELSE {} END
WITH before, r, CASE WHEN own THEN row.dates ELSE {} END AS dates
SET${setDates('r', 'dates')}
WITH before, r, before = properties(r) AS unchanged
SET r.version = CASE WHEN unchanged THEN r.version ELSE coalesce(r.version, 0) + 1 END
RETURN before IS NULL AS created, unchanged`;

/** Keeps the words of Sources, one :SourceText per Source id, beside (not on) the Source nodes. */
export const MERGE_SOURCE_TEXTS = `
UNWIND $rows AS row
MERGE (t:SourceText {sourceId: row.id})
SET t.text = row.text`;

/** The stored words of a Source, if any (the write API checks quotes against them). */
export const SOURCE_TEXT = 'MATCH (t:SourceText {sourceId: $id}) RETURN t.text AS text';

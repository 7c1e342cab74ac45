import { orNull, renderRecord, VALUE, type RecordEntry, type Rendered } from './Layout';
import { relationshipPattern } from './relationshipPattern';
import { renderEntity } from './renderEntity';
import type { EdgePlan, EvidencePlan, RelationPlan } from './SelectionPlan';
import type { VariableNames } from './VariableNames';

/** Variables of one relation subquery: the relationship, the far entity, the entity the edges are seen from, the direction. */
interface Vars {
  r: string;
  m: string;
  anchor: string;
  d: string;
  /** The far entity's id, read once for the sort, the cursor and the projection. */
  mid: string;
  /** The relationship's type: a literal when the field follows one type (type(r) costs a db hit per row), else a variable. */
  t: string;
}

// Relationships only ever join entities, so a far end of any type needs no label check (each would be a db hit).
const label = (value: string | null | undefined) => (value ? `:${value.replace(/[^A-Za-z]/g, '')}` : '');

/**
 * What a MATCH does with incoming self-loops: `drop` them (a page: a
 * self-loop is reported as OUTGOING, once), `keep` them, or match `only`
 * them (a count takes those away from all it kept).
 */
type SelfLoops = 'drop' | 'keep' | 'only';

/**
 * The MATCH of a relation from entity `a`: a typed pattern, so that a hub's
 * relationships of other types are never read; a first step (via) is
 * expanded once per entity it reaches. Also the direction of each row and
 * the condition that drops a self-loop from INCOMING (it is reported as
 * OUTGOING, once).
 */
function matchOf(
  rel: RelationPlan,
  a: string,
  vars: Vars,
  names: VariableNames,
  loops: SelfLoops = 'drop',
): { match: string; direction: string; where: string | null } {
  const { r, m, anchor } = vars;
  // A self-loop's far end is the entity itself, which must then have the far end's label.
  const far = loops === 'only' ? `(${anchor})` : `(${m}${label(rel.label)})`;
  let match = `MATCH (${a})${relationshipPattern(r, rel.types, rel.direction)}${far}`;
  if (rel.via) {
    const v = names.fresh('v');
    match = `MATCH (${a})${relationshipPattern(v, rel.via.types, rel.via.direction)}(${anchor}${label(rel.via.label)})
    WITH DISTINCT ${anchor}
    MATCH (${anchor})${relationshipPattern(r, rel.types, rel.direction)}${far}`;
  }
  // Retracted relationships stay in the graph as history and are hidden from reads.
  const live = `${r}.retracted IS NULL`;
  if (rel.direction === 'OUTGOING') return { match, direction: `'OUTGOING'`, where: live };
  if (rel.direction === 'INCOMING') {
    if (loops === 'only') return { match, direction: `'INCOMING'`, where: rel.label ? `${live} AND ${anchor}${label(rel.label)}` : live };
    // An incoming self-loop is told by its far end (cheaper than reading the relationship's start node).
    return { match, direction: `'INCOMING'`, where: loops === 'drop' ? `${live} AND ${m} <> ${anchor}` : live };
  }
  return { match, direction: `CASE WHEN startNode(${r}) = ${anchor} THEN 'OUTGOING' ELSE 'INCOMING' END`, where: live };
}

/**
 * The evidence entries of an edge record: the selected relationship
 * properties, the cited sources and the statement. When only the sources
 * are asked for, their list (in the relationship's order) is the evidence.
 */
function evidenceEntries(plan: EvidencePlan, r: string, names: VariableNames): RecordEntry[] {
  const sourcesOnly = plan.source !== null && plan.statement === null && plan.props.length === 1;
  const entries: RecordEntry[] = sourcesOnly
    ? []
    : [{ key: 'ev', ...renderRecord(plan.props.map((p) => ({ key: p, text: `${r}.${p.replace(/[^A-Za-z]/g, '')}` }))) }];
  if (plan.source) {
    const s = names.fresh('s');
    const e = names.fresh('e');
    const source = renderEntity(plan.source, e, names, s);
    const item = renderRecord([
      { key: 'id', text: s },
      { key: 'entity', ...orNull(`${e} IS NULL`, source) },
    ]);
    entries.push({
      key: 'evSources',
      text: `COLLECT { UNWIND coalesce(${r}.sources, []) AS ${s} OPTIONAL MATCH (${e}:Source {id: ${s}}) RETURN ${item.text} }`,
      layout: { kind: 'list', item: item.layout },
    });
  }
  if (plan.statement) {
    const t = names.fresh('t');
    const statement = renderEntity(plan.statement, t, names, `${r}.statement`);
    entries.push({
      key: 'evStatements',
      text: `COLLECT { MATCH (${t}:Statement {id: ${r}.statement}) RETURN ${statement.text} }`,
      layout: { kind: 'list', item: statement.layout },
    });
  }
  return entries;
}

/**
 * The record each edge of a page returns: only what is selected (an edge
 * that selects its node alone is a record of one key, so its node is all
 * the statement sends: see renderRecord). The sort
 * key (for cursors) is returned as its parts: the type and direction only
 * when the field does not fix them, the other entity's id, and the id of
 * the entity reached by a first step (otherwise the resolver knows the
 * parent).
 */
function edgeRecord(rel: RelationPlan, edge: EdgePlan, vars: Vars, names: VariableNames): Rendered {
  const { r, m, anchor, d, mid } = vars;
  const entries: RecordEntry[] = [];
  if (rel.types?.length !== 1 && (edge.cursor || edge.type)) entries.push({ key: 't', text: vars.t });
  if (rel.direction === 'BOTH' && (edge.cursor || edge.direction)) entries.push({ key: 'd', text: d });
  if (edge.cursor) entries.push({ key: 'i', text: mid });
  if (edge.cursor && rel.via) entries.push({ key: 'h', text: `${anchor}.id` });
  if (edge.node) entries.push({ key: 'node', ...renderEntity(edge.node, m, names, mid) });
  if (edge.evidence) entries.push(...evidenceEntries(edge.evidence, r, names));
  if (edge.properties) entries.push({ key: 'props', text: `properties(${r})` });
  if (edge.role) entries.push({ key: 'role', text: `${r}.role` });
  if (edge.status) entries.push({ key: 'status', text: `${r}.status` });
  return renderRecord(entries);
}

/**
 * How many relationships a relation field has in all: the page's MATCH and
 * conditions (retracted ones hidden), counted. Each relationship is read,
 * since its `retracted` property decides; a degree count cannot see it.
 * An incoming field counts all its relationships and takes away its
 * self-loops (reported as OUTGOING): testing each far end cost a hub of
 * 50,000 incoming relationships a fifth more of Neo4j's time, where
 * matching the self-loops alone costs next to nothing.
 */
function totalOf(rel: RelationPlan, a: string, names: VariableNames): string {
  const count = (loops: SelfLoops) => {
    const vars: Vars = { r: names.fresh('r'), m: names.fresh('m'), anchor: a, d: '', mid: '', t: '' };
    if (rel.via) vars.anchor = names.fresh('h');
    const { match, where } = matchOf(rel, a, vars, names, loops);
    return `COUNT {
    ${match}${where ? `\n    WHERE ${where}` : ''}
    RETURN ${vars.r}
  }`;
  };
  return rel.direction === 'INCOMING' ? `${count('keep')} - ${count('only')}` : count('drop');
}

/**
 * A relation field of entity `a` as one expression: a record of `page` and
 * `total`, each only when selected. The page is a COLLECT subquery that
 * orders and limits the edges of this one entity (ORDER BY and LIMIT per
 * parent), cut after the cursor's sort key [type, direction, other id,
 * anchor id]; the total a COUNT subquery. Values are parameters named by
 * the plan.
 */
export function renderRelation(rel: RelationPlan, a: string, names: VariableNames): Rendered {
  const parts: RecordEntry[] = [];
  if (rel.types?.length === 0) {
    // An empty list of types matches no relationship; an untyped pattern would match them all.
    if (rel.page) parts.push({ key: 'page', text: '[]', layout: { kind: 'list', item: VALUE } });
    if (rel.total) parts.push({ key: 'total', text: '0' });
    return renderRecord(parts);
  }
  if (rel.page) {
    const r = names.fresh('r');
    const m = names.fresh('m');
    const single = rel.types?.length === 1 ? rel.types[0] : null;
    const vars: Vars = { r, m, anchor: rel.via ? names.fresh('h') : a, d: names.fresh('d'), mid: `${m}id`, t: single ? `'${single}'` : `${r}type` };
    const { match, direction, where } = matchOf(rel, a, vars, names);
    const conditions = [where, rel.page.after ? `[${vars.t}, ${vars.d}, ${vars.mid}, ${vars.anchor}.id] > $${rel.page.after}` : null].filter(Boolean);
    // Terms that are constant for one entity's edges are left out of the sort.
    const sort = [single ? null : vars.t, rel.direction === 'BOTH' ? vars.d : null, vars.mid, rel.via ? `${vars.anchor}.id` : null].filter(Boolean);
    const item = edgeRecord(rel, rel.page.edge, vars, names);
    parts.push({
      key: 'page',
      text: `COLLECT {
    ${match}
    WITH ${vars.anchor}, ${r}, ${vars.m}, ${direction} AS ${vars.d}, ${vars.m}.id AS ${vars.mid}${single ? '' : `, type(${r}) AS ${vars.t}`}${conditions.length ? `\n    WHERE ${conditions.join(' AND ')}` : ''}
    ORDER BY ${sort.join(', ')}
    LIMIT toInteger($${rel.page.limit})
    RETURN ${item.text}
  }`,
      layout: { kind: 'list', item: item.layout },
    });
  }
  if (rel.total) parts.push({ key: 'total', text: totalOf(rel, a, names) });
  return renderRecord(parts);
}

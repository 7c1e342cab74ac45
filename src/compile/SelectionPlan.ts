import type { Direction, RelationStep } from '../relations';

/**
 * What one selection asks of the graph, as the compiler plans it from the
 * operation: the shape only. Values (page sizes, cursors, ids) are never in
 * a plan; it names the parameters ($p0, $p1 ...) that carry them, so two
 * requests with the same shape have equal plans and get the same text.
 */

/** The properties and relation fields selected on an entity. */
export interface EntityPlan {
  /** The one label the entity can have, when the schema type is concrete; null for Entity. */
  label: string | null;
  /**
   * Whether records carry their label: for the `type` field, and for an
   * abstract type whose selection differs by concrete type (fragments,
   * __typename). Otherwise graphql-js is told any entity type: the fields
   * selected through the interface resolve alike on every one.
   */
  readsLabel: boolean;
  /** Stored properties to project, sorted; `id` only when selected or needed (a cursor, a field that loads by id). */
  props: string[];
  /** Relation fields by response key (alias or field name), sorted by key. */
  relations: RelationSlot[];
}

/** One response key of relation fields: per set of labels, the relation it reads (fragments on different types may differ). */
export interface RelationSlot {
  key: string;
  /** null labels: every entity the slot can meet reads the same relation. */
  branches: Array<{ labels: string[] | null; relation: RelationPlan }>;
}

/** A relation field: which relationships it follows, and what of its page is selected. */
export interface RelationPlan {
  /** Relationship types, sorted; any type when null. Only allow-listed names reach a plan. */
  types: string[] | null;
  direction: Direction;
  /** Only entities with this label at the far end. */
  label: string | null;
  /** A first step (Proposal.participants goes through the meeting). */
  via: RelationStep | null;
  /** The page when edges or pageInfo are selected: its limit (first, + 1 when hasNextPage is selected) and cursor parameters. */
  page: { limit: string; after: string | null; edge: EdgePlan } | null;
  /** True when totalCount is selected. */
  total: boolean;
}

/** What is selected on the edges of a relation page. */
export interface EdgePlan {
  /** A cursor is selected (the edge's, or pageInfo's start or end): each edge returns its sort key. */
  cursor: boolean;
  /** The edge's `type` and `direction` are selected; returned only when the field does not fix them. */
  type: boolean;
  direction: boolean;
  node: EntityPlan | null;
  evidence: EvidencePlan | null;
  properties: boolean;
  role: boolean;
  status: boolean;
}

/** What is selected on the evidence of an edge. */
export interface EvidencePlan {
  /** Relationship properties to read, sorted; `sources` always among them. */
  props: string[];
  source: EntityPlan | null;
  statement: EntityPlan | null;
}

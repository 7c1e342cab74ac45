import { ENTITY_TYPES, type EntityType } from './entityTypes';

/** What a relationship type means and which entity types it may connect. */
export interface RelationRule {
  /** Labels its start node may have. */
  from: readonly EntityType[];
  /** Labels its end node may have. */
  to: readonly EntityType[];
  /** One line, read as "from ... to". */
  description: string;
}

const ACTORS = ['Person', 'Organization', 'Country'] as const;
const HAPPENINGS = ['Meeting', 'Event'] as const;
const LOCATIONS = ['Place', 'Country'] as const;
const CLAIMS = ['Statement', 'Meeting', 'Event', 'Proposal', 'Figure'] as const;
const ALL: readonly EntityType[] = ENTITY_TYPES;

/**
 * Every relationship type of the graph, with the labels it connects. This is
 * the allow-list the loader checks documents against, and the only source of
 * relationship type names that are ever put into query text (Cypher cannot
 * take a type as a parameter). docs/model.md describes each one.
 */
export const RELATION_RULES = {
  HOLDS_OFFICE: { from: ['Person'], to: ['Office'], description: 'a person holds an office' },
  OFFICE_OF: { from: ['Office'], to: ['Country', 'Organization'], description: 'an office belongs to a country or organization' },
  ENVOY_OF: { from: ['Person'], to: ['Person', 'Country', 'Organization'], description: 'a person is the envoy of someone' },
  ADVISER_TO: { from: ['Person'], to: ['Person', 'Organization'], description: 'a person advises someone' },
  REPRESENTS: { from: ['Person'], to: ['Country', 'Organization'], description: 'a person acts as the representative of a country or organization' },
  MILITARY_OF: { from: ['Organization'], to: ['Country'], description: 'armed forces belong to a country' },
  PROPOSED: { from: ACTORS, to: ['Proposal'], description: 'an actor made a proposal' },
  PROPOSED_TO: { from: ['Proposal'], to: ACTORS, description: 'a proposal was addressed to an actor' },
  CONCERNS: { from: ['Proposal'], to: [...HAPPENINGS, 'Proposal'], description: 'a proposal is about a meeting or event (what it proposes)' },
  MADE_DURING: { from: ['Proposal', 'Statement'], to: HAPPENINGS, description: 'a proposal or statement was made during a meeting or event' },
  AIMS_TO_HALT: { from: ['Proposal', 'Event', 'Meeting'], to: ['Event'], description: 'an effort or proposal aims to halt an event (a war)' },
  DECLINED_TO_COMMENT: {
    from: ACTORS,
    to: ['Proposal', 'Meeting', 'Event', 'Statement'],
    description: 'an actor left something without comment or response',
  },
  PARTICIPANT_IN: { from: ACTORS, to: HAPPENINGS, description: 'an actor takes, took or would take part in a meeting or event (see property status)' },
  VISITED: { from: ['Person', 'Organization'], to: LOCATIONS, description: 'a person visited a place' },
  HELD_AT: { from: HAPPENINGS, to: LOCATIONS, description: 'a meeting or event takes place at a venue' },
  LOCATED_IN: { from: ['Place', 'Event', 'Organization'], to: LOCATIONS, description: 'a place, event or organization is located in a place or country' },
  PART_OF: {
    from: ['Meeting', 'Event', 'Proposal', 'Place'],
    to: ['Event', 'Meeting', 'Place'],
    description: 'a happening or place is part of a larger one',
  },
  FOLLOWS: { from: [...HAPPENINGS, 'Proposal'], to: [...HAPPENINGS, 'Proposal'], description: 'a happening comes after (and in response to) another' },
  FIRST_SINCE: { from: HAPPENINGS, to: HAPPENINGS, description: 'a happening is the first of its kind since another' },
  INVADED: { from: ['Country'], to: ['Country'], description: 'a country invaded another' },
  GAINS_TERRITORY_IN: { from: ['Organization', 'Country'], to: LOCATIONS, description: 'a force is gaining territory in a country' },
  LARGER_THAN: { from: ['Organization', 'Country', 'Place'], to: ['Organization', 'Country', 'Place'], description: 'one is larger than the other' },
  SAID: { from: ACTORS, to: ['Statement'], description: 'an actor made a statement' },
  ABOUT: { from: ['Statement', 'Source'], to: ALL, description: 'a statement or source is about an entity' },
  REPORTED_BY: { from: CLAIMS, to: ['Source'], description: 'a claim was carried by a source (a report)' },
  CITES: { from: ['Source'], to: ['Source', ...ACTORS], description: 'a source cites another source, or a person or organization, as its origin' },
  PUBLISHED_BY: { from: ['Source'], to: ['Organization'], description: 'a source was published by an organization' },
  LINKS_TO: { from: ['Source'], to: ['Source'], description: 'a source links to a related source; nothing of the linked one is asserted' },
  MEASURES: { from: ['Figure'], to: [...HAPPENINGS, 'Place', 'Country'], description: 'a figure quantifies an event or place' },
  ATTRIBUTED_TO: { from: ['Figure', 'Statement'], to: ACTORS, description: 'a figure or claim comes from an actor ("according to ...")' },
} as const satisfies Record<string, RelationRule>;

export type RelationType = keyof typeof RELATION_RULES;

/** The relationship types, in a stable order. */
export const RELATION_TYPES = Object.keys(RELATION_RULES) as RelationType[];

/** True when `value` is one of the relationship types (and so safe to put into query text). */
export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_RULES, value);
}

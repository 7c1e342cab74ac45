import type { EntityType } from '../model';
import type { RelationFieldSpec } from './RelationFieldSpec';

const out = (types: RelationFieldSpec['types'], label?: EntityType): RelationFieldSpec => ({ types, direction: 'OUTGOING', label });
const inc = (types: RelationFieldSpec['types'], label?: EntityType): RelationFieldSpec => ({ types, direction: 'INCOMING', label });

/**
 * Relationship types by which an actor answers a proposal. The model has
 * DECLINED_TO_COMMENT so far; answers of other kinds join this list.
 */
export const RESPONSE_TYPES = ['DECLINED_TO_COMMENT'] as const;

/** Fields every entity has: the statements and sources about it. */
const ANY = {
  subjectOf: inc(['ABOUT']),
};

/** Fields of the entities that act: persons, organizations, countries. */
const ACTOR = {
  ...ANY,
  proposals: out(['PROPOSED'], 'Proposal'),
  proposalsReceived: inc(['PROPOSED_TO'], 'Proposal'),
  statements: out(['SAID'], 'Statement'),
  meetings: out(['PARTICIPANT_IN'], 'Meeting'),
  events: out(['PARTICIPANT_IN'], 'Event'),
  declinedToComment: out(['DECLINED_TO_COMMENT']),
  citedBy: inc(['CITES'], 'Source'),
  attributions: inc(['ATTRIBUTED_TO']),
};

/** Fields of meetings and events alike. */
const HAPPENING = {
  ...ANY,
  participants: inc(['PARTICIPANT_IN']),
  venue: out(['HELD_AT']),
  partOf: out(['PART_OF']),
  parts: inc(['PART_OF']),
  follows: out(['FOLLOWS']),
  followedBy: inc(['FOLLOWS']),
  firstSince: out(['FIRST_SINCE']),
  aimsToHalt: out(['AIMS_TO_HALT'], 'Event'),
  declinedToCommentBy: inc(['DECLINED_TO_COMMENT']),
  reportedBy: out(['REPORTED_BY'], 'Source'),
  figures: inc(['MEASURES'], 'Figure'),
};

/**
 * Every typed relation field of the schema, by GraphQL type: the
 * relationships each one follows. The SDL in schema/entity-types.graphql
 * declares the same fields; a unit test keeps the two in step.
 */
export const RELATION_FIELDS: Record<EntityType, Record<string, RelationFieldSpec>> = {
  Person: {
    ...ACTOR,
    offices: out(['HOLDS_OFFICE'], 'Office'),
    principals: out(['ENVOY_OF']),
    envoys: inc(['ENVOY_OF'], 'Person'),
    advises: out(['ADVISER_TO']),
    advisers: inc(['ADVISER_TO'], 'Person'),
    represents: out(['REPRESENTS']),
    visited: out(['VISITED']),
  },
  Office: {
    ...ANY,
    holders: inc(['HOLDS_OFFICE'], 'Person'),
    country: out(['OFFICE_OF'], 'Country'),
    organization: out(['OFFICE_OF'], 'Organization'),
  },
  Country: {
    ...ACTOR,
    offices: inc(['OFFICE_OF'], 'Office'),
    representatives: inc(['REPRESENTS'], 'Person'),
    envoys: inc(['ENVOY_OF'], 'Person'),
    armedForces: inc(['MILITARY_OF'], 'Organization'),
    invaded: out(['INVADED'], 'Country'),
    invadedBy: inc(['INVADED'], 'Country'),
    contains: inc(['LOCATED_IN']),
    venueOf: inc(['HELD_AT']),
    visitors: inc(['VISITED']),
    gainsTerritoryIn: out(['GAINS_TERRITORY_IN']),
  },
  Organization: {
    ...ACTOR,
    militaryOf: out(['MILITARY_OF'], 'Country'),
    offices: inc(['OFFICE_OF'], 'Office'),
    envoys: inc(['ENVOY_OF'], 'Person'),
    advisers: inc(['ADVISER_TO'], 'Person'),
    representatives: inc(['REPRESENTS'], 'Person'),
    publications: inc(['PUBLISHED_BY'], 'Source'),
    locatedIn: out(['LOCATED_IN']),
    gainsTerritoryIn: out(['GAINS_TERRITORY_IN']),
  },
  Place: {
    ...ANY,
    locatedIn: out(['LOCATED_IN']),
    contains: inc(['LOCATED_IN']),
    partOf: out(['PART_OF']),
    parts: inc(['PART_OF']),
    venueOf: inc(['HELD_AT']),
    visitors: inc(['VISITED']),
    figures: inc(['MEASURES'], 'Figure'),
  },
  Meeting: {
    ...HAPPENING,
    proposals: inc(['CONCERNS'], 'Proposal'),
  },
  Event: {
    ...HAPPENING,
    locatedIn: out(['LOCATED_IN']),
    aimedToHaltBy: inc(['AIMS_TO_HALT']),
  },
  Proposal: {
    ...ANY,
    proposer: inc(['PROPOSED']),
    addressees: out(['PROPOSED_TO']),
    meeting: out(['CONCERNS'], 'Meeting'),
    concerns: out(['CONCERNS']),
    participants: { ...inc(['PARTICIPANT_IN']), via: { types: ['CONCERNS'], direction: 'OUTGOING', label: 'Meeting' } },
    responses: inc(RESPONSE_TYPES),
    madeDuring: out(['MADE_DURING']),
    aimsToHalt: out(['AIMS_TO_HALT'], 'Event'),
    partOf: out(['PART_OF']),
    reportedBy: out(['REPORTED_BY'], 'Source'),
  },
  Statement: {
    ...ANY,
    speaker: inc(['SAID']),
    subjects: out(['ABOUT']),
    reportedBy: out(['REPORTED_BY'], 'Source'),
    attributedTo: out(['ATTRIBUTED_TO']),
    madeDuring: out(['MADE_DURING']),
    declinedToCommentBy: inc(['DECLINED_TO_COMMENT']),
  },
  Source: {
    ...ANY,
    publisher: out(['PUBLISHED_BY'], 'Organization'),
    cites: out(['CITES']),
    citedBy: inc(['CITES'], 'Source'),
    linksTo: out(['LINKS_TO'], 'Source'),
    linkedFrom: inc(['LINKS_TO'], 'Source'),
    reports: inc(['REPORTED_BY']),
    about: out(['ABOUT']),
  },
  Figure: {
    ...ANY,
    measures: out(['MEASURES']),
    attributedTo: out(['ATTRIBUTED_TO']),
    reportedBy: out(['REPORTED_BY'], 'Source'),
  },
};

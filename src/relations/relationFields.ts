import type { EntityType } from '../model';
import type { RelationField } from './RelationFieldSpec';

/** The far end of a relation field: one entity label, or `Entity` when it can be any. */
type FarEnd = EntityType | 'Entity';

const step = (direction: RelationField['direction'], types: RelationField['types'], farEnd: FarEnd, description: string): RelationField => ({
  types,
  direction,
  label: farEnd === 'Entity' ? undefined : farEnd,
  description,
});
/** A field following `types` out of the entity at hand, to `farEnd`. */
const out = (types: RelationField['types'], farEnd: FarEnd, description: string) => step('OUTGOING', types, farEnd, description);
/** A field following `types` into the entity at hand, from `farEnd`. */
const inc = (types: RelationField['types'], farEnd: FarEnd, description: string) => step('INCOMING', types, farEnd, description);

/**
 * Relationship types by which an actor answers a proposal. The model has
 * DECLINED_TO_COMMENT so far; answers of other kinds join this list.
 */
export const RESPONSE_TYPES = ['DECLINED_TO_COMMENT'] as const;

/** Fields every entity has: the statements and sources about it. */
const ANY = {
  subjectOf: inc(['ABOUT'], 'Entity', 'Statements and sources about this entity (ABOUT, incoming).'),
};

/** Fields of the entities that act: persons, organizations, countries. */
const ACTOR = {
  ...ANY,
  proposals: out(['PROPOSED'], 'Proposal', 'Proposals it made (PROPOSED).'),
  proposalsReceived: inc(['PROPOSED_TO'], 'Proposal', 'Proposals addressed to it (PROPOSED_TO, incoming).'),
  statements: out(['SAID'], 'Statement', 'Statements it made (SAID), each with the quote where a source gives the words.'),
  meetings: out(
    ['PARTICIPANT_IN'],
    'Meeting',
    'Meetings it takes, took or would take part in (PARTICIPANT_IN); the edge status says planned, proposed or attended.',
  ),
  events: out(['PARTICIPANT_IN'], 'Event', 'Events it takes or took part in (PARTICIPANT_IN).'),
  declinedToComment: out(
    ['DECLINED_TO_COMMENT'],
    'Entity',
    'What it left without comment or response (DECLINED_TO_COMMENT): proposals, meetings, statements.',
  ),
  citedBy: inc(['CITES'], 'Source', 'Sources that cite it as their origin (CITES, incoming).'),
  attributions: inc(['ATTRIBUTED_TO'], 'Entity', 'Figures and claims attributed to it, "according to" it (ATTRIBUTED_TO, incoming).'),
};

/** Fields of meetings and events alike. */
const HAPPENING = {
  ...ANY,
  participants: inc(
    ['PARTICIPANT_IN'],
    'Entity',
    'Who takes, took or would take part (PARTICIPANT_IN, incoming); the edge status says planned, proposed or attended, the role belligerent, visitor ...',
  ),
  venue: out(['HELD_AT'], 'Entity', 'Where it is held (HELD_AT): a place or a country.'),
  partOf: out(['PART_OF'], 'Entity', 'The larger meeting or event it is part of (PART_OF).'),
  parts: inc(['PART_OF'], 'Entity', 'The meetings, events, proposals and places that are part of it (PART_OF, incoming).'),
  follows: out(['FOLLOWS'], 'Entity', 'What it comes after, and in response to (FOLLOWS).'),
  followedBy: inc(['FOLLOWS'], 'Entity', 'What comes after it (FOLLOWS, incoming).'),
  firstSince: out(['FIRST_SINCE'], 'Entity', 'The happening it is the first of its kind since (FIRST_SINCE).'),
  aimsToHalt: out(['AIMS_TO_HALT'], 'Event', 'The event (a war) it is meant to halt (AIMS_TO_HALT).'),
  declinedToCommentBy: inc(['DECLINED_TO_COMMENT'], 'Entity', 'Who left it without comment (DECLINED_TO_COMMENT, incoming).'),
  reportedBy: out(['REPORTED_BY'], 'Source', 'The reports that carry it (REPORTED_BY).'),
  figures: inc(['MEASURES'], 'Figure', 'Figures that quantify it (MEASURES, incoming).'),
};

/**
 * Every typed relation field of the schema, by GraphQL type, in schema
 * order: the one place a relation field is declared. The resolvers and the
 * statement compiler read it at run time; `npm run generate` writes from it
 * the fields' SDL (schema/entity-types.relations.graphql) and the table of
 * docs/api.md, and a unit test fails while those are stale.
 */
export const RELATION_FIELDS: Record<EntityType, Record<string, RelationField>> = {
  Person: {
    ...ACTOR,
    offices: out(['HOLDS_OFFICE'], 'Office', 'The offices this person holds (HOLDS_OFFICE); the edge evidence gives validFrom/validTo where known.'),
    principals: out(['ENVOY_OF'], 'Entity', 'Whom this person is the envoy of (ENVOY_OF): a person, country or organization.'),
    envoys: inc(['ENVOY_OF'], 'Person', "This person's envoys (ENVOY_OF, incoming)."),
    advises: out(['ADVISER_TO'], 'Entity', 'Whom this person advises (ADVISER_TO).'),
    advisers: inc(['ADVISER_TO'], 'Person', "This person's advisers (ADVISER_TO, incoming)."),
    represents: out(['REPRESENTS'], 'Entity', 'The countries and organizations this person represents (REPRESENTS).'),
    visited: out(['VISITED'], 'Entity', 'Places and countries this person visited (VISITED).'),
  },
  Office: {
    ...ANY,
    holders: inc(['HOLDS_OFFICE'], 'Person', 'Who holds or held the office (HOLDS_OFFICE, incoming).'),
    country: out(['OFFICE_OF'], 'Country', 'The country the office belongs to (OFFICE_OF).'),
    organization: out(['OFFICE_OF'], 'Organization', 'The organization the office belongs to (OFFICE_OF).'),
  },
  Country: {
    ...ACTOR,
    offices: inc(['OFFICE_OF'], 'Office', "The country's offices (OFFICE_OF, incoming)."),
    representatives: inc(['REPRESENTS'], 'Person', 'Persons acting as its representatives (REPRESENTS, incoming).'),
    envoys: inc(['ENVOY_OF'], 'Person', 'Its envoys (ENVOY_OF, incoming).'),
    armedForces: inc(['MILITARY_OF'], 'Organization', 'Its armed forces (MILITARY_OF, incoming).'),
    invaded: out(['INVADED'], 'Country', 'Countries it invaded (INVADED).'),
    invadedBy: inc(['INVADED'], 'Country', 'Countries that invaded it (INVADED, incoming).'),
    contains: inc(['LOCATED_IN'], 'Entity', 'Places, events and organizations located in it (LOCATED_IN, incoming).'),
    venueOf: inc(['HELD_AT'], 'Entity', 'Meetings and events held in it (HELD_AT, incoming).'),
    visitors: inc(['VISITED'], 'Entity', 'Who visited it (VISITED, incoming).'),
    gainsTerritoryIn: out(['GAINS_TERRITORY_IN'], 'Entity', 'Where it is gaining territory (GAINS_TERRITORY_IN).'),
  },
  Organization: {
    ...ACTOR,
    militaryOf: out(['MILITARY_OF'], 'Country', 'The country whose armed forces it is (MILITARY_OF).'),
    offices: inc(['OFFICE_OF'], 'Office', "The organization's offices (OFFICE_OF, incoming)."),
    envoys: inc(['ENVOY_OF'], 'Person', 'Its envoys (ENVOY_OF, incoming).'),
    advisers: inc(['ADVISER_TO'], 'Person', 'Its advisers (ADVISER_TO, incoming).'),
    representatives: inc(['REPRESENTS'], 'Person', 'Persons acting as its representatives (REPRESENTS, incoming).'),
    publications: inc(['PUBLISHED_BY'], 'Source', 'Reports and articles it published (PUBLISHED_BY, incoming).'),
    locatedIn: out(['LOCATED_IN'], 'Entity', 'Where it is located (LOCATED_IN).'),
    gainsTerritoryIn: out(['GAINS_TERRITORY_IN'], 'Entity', 'Where it is gaining territory (GAINS_TERRITORY_IN).'),
  },
  Place: {
    ...ANY,
    locatedIn: out(['LOCATED_IN'], 'Entity', 'The place or country it lies in (LOCATED_IN).'),
    contains: inc(['LOCATED_IN'], 'Entity', 'Places, events and organizations located in it (LOCATED_IN, incoming).'),
    partOf: out(['PART_OF'], 'Entity', 'What it is part of (PART_OF), such as the war a front line belongs to.'),
    parts: inc(['PART_OF'], 'Entity', 'What is part of it (PART_OF, incoming).'),
    venueOf: inc(['HELD_AT'], 'Entity', 'Meetings and events held there (HELD_AT, incoming).'),
    visitors: inc(['VISITED'], 'Entity', 'Who visited it (VISITED, incoming).'),
    figures: inc(['MEASURES'], 'Figure', 'Figures that quantify it, such as its length (MEASURES, incoming).'),
  },
  Meeting: {
    ...HAPPENING,
    proposals: inc(['CONCERNS'], 'Proposal', 'Proposals of this meeting (CONCERNS, incoming).'),
  },
  Event: {
    ...HAPPENING,
    locatedIn: out(['LOCATED_IN'], 'Entity', 'Where it takes place (LOCATED_IN).'),
    aimedToHaltBy: inc(['AIMS_TO_HALT'], 'Entity', 'Efforts and proposals meant to halt it (AIMS_TO_HALT, incoming).'),
  },
  Proposal: {
    ...ANY,
    proposer: inc(['PROPOSED'], 'Entity', 'Who made the proposal (PROPOSED, incoming): a person, organization or country.'),
    addressees: out(['PROPOSED_TO'], 'Entity', 'To whom the proposal was made (PROPOSED_TO).'),
    meeting: out(['CONCERNS'], 'Meeting', 'The meeting the proposal proposes (CONCERNS, to a Meeting).'),
    concerns: out(['CONCERNS'], 'Entity', 'Everything the proposal is about (CONCERNS): meetings, events, other proposals.'),
    participants: {
      ...inc(
        ['PARTICIPANT_IN'],
        'Entity',
        'The intended participants: who would take part in the meeting the proposal concerns (PARTICIPANT_IN of that meeting); the edge status says proposed.',
      ),
      via: { types: ['CONCERNS'], direction: 'OUTGOING', label: 'Meeting' },
    },
    responses: inc(
      RESPONSE_TYPES,
      'Entity',
      'How those addressed answered it: each edge is one response, its type says which (DECLINED_TO_COMMENT ...), its node who responded.',
    ),
    madeDuring: out(['MADE_DURING'], 'Entity', 'The meeting or event during which it was made (MADE_DURING).'),
    aimsToHalt: out(['AIMS_TO_HALT'], 'Event', 'The event (a war) it is meant to halt (AIMS_TO_HALT).'),
    partOf: out(['PART_OF'], 'Entity', 'The larger effort it is part of (PART_OF).'),
    reportedBy: out(['REPORTED_BY'], 'Source', 'The reports that carry it (REPORTED_BY).'),
  },
  Statement: {
    ...ANY,
    speaker: inc(['SAID'], 'Entity', 'Who made the statement (SAID, incoming); the edge evidence holds the quote.'),
    subjects: out(['ABOUT'], 'Entity', 'What the statement is about (ABOUT).'),
    reportedBy: out(['REPORTED_BY'], 'Source', 'The reports that carry the statement (REPORTED_BY): who reported it.'),
    attributedTo: out(['ATTRIBUTED_TO'], 'Entity', 'Whom the statement is attributed to, "according to" (ATTRIBUTED_TO).'),
    madeDuring: out(['MADE_DURING'], 'Entity', 'The meeting or event during which it was made (MADE_DURING).'),
    declinedToCommentBy: inc(['DECLINED_TO_COMMENT'], 'Entity', 'Who left it without comment (DECLINED_TO_COMMENT, incoming).'),
  },
  Source: {
    ...ANY,
    publisher: out(['PUBLISHED_BY'], 'Organization', 'Who published it (PUBLISHED_BY): a news agency, a newspaper.'),
    cites: out(['CITES'], 'Entity', 'What it cites as its origin (CITES): another report, a person, an organization; the edge role "via" marks a relay.'),
    citedBy: inc(['CITES'], 'Source', 'Sources that cite it (CITES, incoming).'),
    linksTo: out(['LINKS_TO'], 'Source', 'Related sources it links to, nothing of which it asserts (LINKS_TO).'),
    linkedFrom: inc(['LINKS_TO'], 'Source', 'Sources that link to it (LINKS_TO, incoming).'),
    reports: inc(['REPORTED_BY'], 'Entity', 'Statements, meetings, events, proposals and figures it carries (REPORTED_BY, incoming).'),
    about: out(['ABOUT'], 'Entity', 'What it is about (ABOUT).'),
  },
  Figure: {
    ...ANY,
    measures: out(['MEASURES'], 'Entity', 'What it quantifies (MEASURES): an event, a place, a country.'),
    attributedTo: out(['ATTRIBUTED_TO'], 'Entity', 'Who the figure comes from, "according to" (ATTRIBUTED_TO).'),
    reportedBy: out(['REPORTED_BY'], 'Source', 'The reports that carry it (REPORTED_BY).'),
  },
};

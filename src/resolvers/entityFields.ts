import type { EntityRecord } from '../model';

/**
 * GraphQL enum values and the words the graph stores (docs/model.md): the
 * schema speaks UPPER_CASE, the data lower-case. Given as internal values,
 * graphql-js maps both ways, in results and in filter arguments alike.
 */
const ENUMS = {
  MeetingStatus: { PROPOSED: 'proposed', AGREED: 'agreed', SCHEDULED: 'scheduled', HELD: 'held', CANCELLED: 'cancelled' },
  VenueStatus: { UNKNOWN: 'unknown', SELECTED_UNDISCLOSED: 'selected-undisclosed', DISCLOSED: 'disclosed' },
  ProposalStatus: { MADE: 'made', UNANSWERED: 'unanswered', ACCEPTED: 'accepted', REJECTED: 'rejected', WITHDRAWN: 'withdrawn' },
  EventStatus: { ONGOING: 'ongoing', ENDED: 'ended' },
  StatementKind: { QUOTE: 'quote', PARAPHRASE: 'paraphrase' },
  DatePrecision: { YEAR: 'year', MONTH: 'month', DAY: 'day' },
} as const;

/**
 * Reads an enum-typed property. A word the schema does not know yet (a
 * newer document may bring one) reads as null instead of failing the whole
 * field with a serialization error.
 */
function enumProperty(property: string, values: Record<string, string>) {
  const known = new Set(Object.values(values));
  return (record: Record<string, unknown>) => {
    const value = record[property];
    return typeof value === 'string' && known.has(value) ? value : null;
  };
}

const datePrecision = (property: string) => enumProperty(property, ENUMS.DatePrecision);

/** The type-specific scalar fields that need more than the default resolver, and the enum mappings. */
export const entityFieldResolvers = {
  ...ENUMS,
  Meeting: {
    status: enumProperty('status', ENUMS.MeetingStatus),
    venueStatus: enumProperty('venueStatus', ENUMS.VenueStatus),
    datePrecision: datePrecision('datePrecision'),
  },
  Proposal: {
    status: enumProperty('status', ENUMS.ProposalStatus),
  },
  Event: {
    status: enumProperty('status', ENUMS.EventStatus),
    datePrecision: datePrecision('datePrecision'),
    startDatePrecision: datePrecision('startDatePrecision'),
  },
  Statement: {
    kind: enumProperty('kind', ENUMS.StatementKind),
    datePrecision: datePrecision('datePrecision'),
    quote: (statement: EntityRecord) => (statement.kind === 'quote' ? statement.text : null),
  },
  Evidence: {
    datePrecision: datePrecision('datePrecision'),
    validFromPrecision: datePrecision('validFromPrecision'),
    validToPrecision: datePrecision('validToPrecision'),
  },
};

import { z } from 'zod';
import { RELATION_TYPES, type EntityType } from '../model';
import { PARTIAL_DATE_PATTERN } from './partialDate';

/**
 * The format of a seed document (seed/documents/*.yaml), as zod schemas.
 * The same schemas validate documents at load time and produce the checked-in
 * seed/seed-document.schema.json that editors use; cross-references (does
 * this id exist, is that a Source) are checked by validateSeedDocument, which
 * JSON Schema cannot express.
 */

/** The value of the `format` key; bump it when the format changes incompatibly. */
export const SEED_FORMAT = 'diplograph-seed/1';

/** Readable, stable ids: lower-case words joined by hyphens. */
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const id = z
  .string({ error: 'expected an id (a string)' })
  .regex(ID_PATTERN, { error: 'expected a kebab-case id such as "steve-witkoff"' })
  .max(120, { error: 'expected an id of at most 120 characters' })
  .describe('A stable, readable, kebab-case id, unique across all entities.');

const text = z.string({ error: 'expected a string' }).trim().min(1, { error: 'expected a non-empty string' });

/** Written as the source gives it: a year (2025), a month ("2022-02") or a day ("2025-08-07"). */
const partialDate = z
  .union([z.string().regex(PARTIAL_DATE_PATTERN), z.number().int().min(1000).max(9999)], {
    error: 'expected a date written as YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .describe('A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.');

const confidence = z
  .number({ error: 'expected a number between 0 and 1' })
  .min(0, { error: 'expected a confidence between 0 and 1' })
  .max(1, { error: 'expected a confidence between 0 and 1' })
  .describe('How sure the source is: 1 for a plain statement of fact, lower for "possible", "proposed".');

const sourceIds = z
  .array(id, { error: 'expected a list of Source ids' })
  .min(1, { error: 'expected at least one Source id' })
  .describe('Ids of the Source entities (in this document) that assert it.');

/** Free-form descriptive properties of a relationship: scalars or lists of strings. */
const relationProperties = z
  .record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'expected a camelCase property name' }),
    z.union([z.string(), z.number(), z.boolean(), z.array(z.string())], {
      error: 'expected a string, number, boolean or list of strings',
    }),
  )
  .describe('Descriptive properties of the relationship, such as role or status.');

const common = {
  id,
  name: text.describe('Display name.'),
  aliases: z.array(text, { error: 'expected a list of names' }).optional().describe('Other names the sources use.'),
  description: text.optional().describe('One or two sentences.'),
  evidence: z
    .array(
      z.strictObject({
        property: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'expected the name of a property of this entity' }),
        value: z
          .union([z.string(), z.number(), z.boolean()])
          .optional()
          .describe('Which value of a list property (an alias) the evidence is for; every value when omitted.'),
        sources: sourceIds.optional(),
        quote: text.optional().describe('The words of the source that assert the value.'),
      }),
      { error: 'expected a list of { property, value?, sources?, quote? }' },
    )
    .optional()
    .describe(
      'Per-property evidence: which sources assert a property (default: the document sources) and with what words. ' +
        'Background knowledge added by editors names an editorial reference Source.',
    ),
  sameAs: id.optional().describe('Resolution decided by the document: this entity is that graph entity (when a load stops for review).'),
  distinctFrom: z
    .array(id, { error: 'expected a list of ids' })
    .optional()
    .describe('Resolution decided by the document: this entity is none of these graph entities (when a load stops for review).'),
};

const entity = <T extends EntityType, S extends z.ZodRawShape>(type: T, description: string, shape: S) =>
  z.strictObject({ type: z.literal(type), ...common, ...shape }).describe(description);

const optionalText = text.optional();

/** One schema per entity type: the common properties plus that type's own. */
export const entitySchemas = [
  entity('Person', 'A human being.', {}),
  entity('Office', 'A public office, such as President of Russia.', { kind: optionalText }),
  entity('Country', 'A sovereign state.', {
    isoCode: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166 alpha-2 code such as "US"' })
      .optional(),
  }),
  entity('Organization', 'A government body, news agency, armed force or international body.', { kind: optionalText }),
  entity('Place', 'A city, building, region or front line.', { kind: optionalText, extentText: optionalText, casualtiesText: optionalText }),
  entity('Meeting', 'A meeting between parties, held, agreed or proposed.', {
    status: z.enum(['proposed', 'agreed', 'scheduled', 'held', 'cancelled'], {
      error: 'expected proposed, agreed, scheduled, held or cancelled',
    }),
    statusText: optionalText,
    format: optionalText,
    venueStatus: z.enum(['unknown', 'selected-undisclosed', 'disclosed'], { error: 'expected unknown, selected-undisclosed or disclosed' }).optional(),
    venueText: optionalText,
    plannedText: optionalText,
    date: partialDate.optional(),
    dateText: optionalText,
  }),
  entity('Proposal', 'Something proposed by someone to someone.', {
    status: z.enum(['made', 'unanswered', 'accepted', 'rejected', 'withdrawn'], {
      error: 'expected made, unanswered, accepted, rejected or withdrawn',
    }),
    statusText: optionalText,
    purpose: optionalText,
  }),
  entity('Event', 'Something that happened or is happening: a war, an invasion, a visit.', {
    kind: optionalText,
    status: z.enum(['ongoing', 'ended'], { error: 'expected ongoing or ended' }).optional(),
    date: partialDate.optional(),
    dateText: optionalText,
    startDate: partialDate.optional(),
    startDateText: optionalText,
    ageText: optionalText,
    intensity: optionalText,
    casualtiesText: optionalText.describe('The source\'s words for the human toll, such as "heavy casualties".'),
  }),
  entity('Statement', 'Something someone said, quoted or paraphrased.', {
    text: text.describe('The words: verbatim when kind is quote.'),
    kind: z.enum(['quote', 'paraphrase'], { error: 'expected quote or paraphrase' }),
    date: partialDate.optional(),
    dateText: optionalText,
  }),
  entity('Source', 'A document that asserts facts: an article, a news agency report.', {
    kind: optionalText,
    title: optionalText,
    year: z.number().int().min(1000).max(9999).optional(),
    dateText: optionalText,
    language: optionalText,
    file: optionalText.describe('The source text kept beside the seed, under seed/sources/; its words are stored as text.'),
    text: text
      .max(1_000_000, { error: 'expected a source text of at most 1,000,000 characters' })
      .optional()
      .describe('The words of the source itself, when no file holds them: quotes asserted from this source must appear in it verbatim.'),
  }),
  entity('Figure', 'A number a source gives, with its unit and how precise it is.', {
    measure: text,
    population: optionalText,
    value: z.number().optional(),
    lowerBound: z.number().optional(),
    upperBound: z.number().optional(),
    unit: text,
    secondaryValue: z.number().optional(),
    secondaryUnit: optionalText,
    qualifier: optionalText,
    approximate: z.boolean().optional(),
    text: text.describe("The source's own words for the figure."),
    periodText: optionalText,
  }),
] as const;

export const seedEntitySchema = z.discriminatedUnion('type', entitySchemas);

/** The evidence a relationship may carry, shared by relations and document defaults. */
export const seedRelationSchema = z
  .strictObject({
    type: z.enum(RELATION_TYPES as [string, ...string[]]).describe('A relationship type from the allow-list (docs/model.md).'),
    from: id.describe('Id of the start entity, defined in this document.'),
    to: id.describe('Id of the end entity, defined in this document.'),
    sources: sourceIds.optional(),
    quote: text.optional().describe('The verbatim words, where a source quotes someone.'),
    confidence: confidence.optional(),
    date: partialDate.optional(),
    dateText: text.optional().describe('The source\'s own words for the time ("on Thursday").'),
    validFrom: partialDate.optional(),
    validTo: partialDate.optional(),
    statement: id.optional().describe('Id of the Statement (in this document) that asserts it.'),
    properties: relationProperties.optional(),
  })
  .describe('A relationship between two entities of this document, with its evidence.');

export const seedDocumentSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of this JSON Schema, for editors.'),
    format: z.literal(SEED_FORMAT, { error: `expected format: ${SEED_FORMAT}` }),
    document: z.strictObject({
      id,
      title: text.optional(),
    }),
    defaults: z
      .strictObject({
        sources: sourceIds.describe(
          'The Source ids of the document itself: every entity records them, and every relation gets them unless it names its own.',
        ),
        confidence: confidence.optional(),
      })
      .describe('Evidence every entity and relation gets unless it gives its own.'),
    entities: z.array(seedEntitySchema).describe('Every entity the document mentions, including ones already in the graph.'),
    relations: z.array(seedRelationSchema).default([]),
  })
  .describe('A diplograph seed document: entities and the relations between them, with evidence.');

export type SeedDocument = z.infer<typeof seedDocumentSchema>;
export type SeedEntity = z.infer<typeof seedEntitySchema>;
export type SeedRelation = z.infer<typeof seedRelationSchema>;

/** The JSON Schema checked in as seed/seed-document.schema.json. */
export function seedDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(seedDocumentSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

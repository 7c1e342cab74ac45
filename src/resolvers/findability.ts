import { badInput } from '../errors';
import { findAssertions, listValues, type AssertionRecord, type AssertionWhere } from '../findability';
import { evidenceOf } from '../model';
import { pageSize } from '../pagination';
import type { Context } from '../server/Context';

/** Query.values and Query.assertions (schema/findability.graphql). */
export const findabilityResolvers = {
  Query: {
    values: (_: unknown, args: { type: string; property: 'KIND' | 'MEASURE' | 'FORMAT' | 'UNIT' | 'STATUS' }, ctx: Context) =>
      listValues(ctx.db, args.type, args.property, ctx.config.limits.listMax),
    assertions(_: unknown, args: { where: AssertionWhere; first?: number | null }, ctx: Context) {
      for (const key of ['confidenceBelow', 'confidenceAtLeast'] as const) {
        const value = args.where[key];
        if (value !== null && value !== undefined && (value < 0 || value > 1)) {
          throw badInput(`where.${key}: expected a confidence from 0 to 1, got ${value}.`, { argument: `where.${key}` });
        }
      }
      return findAssertions(ctx.db, args.where, pageSize(args.first, ctx.config.limits));
    },
  },
  Assertion: {
    evidence: (assertion: AssertionRecord) => evidenceOf(assertion.properties),
  },
};

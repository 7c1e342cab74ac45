import { z } from 'zod';

/** Types a saved query's parameter may declare. */
export const PARAMETER_TYPES = ['string', 'int', 'float', 'boolean', 'list'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** The scalar types a list parameter's items may declare. */
export const ITEM_TYPES = ['string', 'int', 'float', 'boolean'] as const;

const parameterSchema = z
  .object({
    type: z.enum(PARAMETER_TYPES, { error: `expected one of ${PARAMETER_TYPES.join(', ')}` }),
    items: z.enum(ITEM_TYPES, { error: `expected one of ${ITEM_TYPES.join(', ')}` }).optional(),
    required: z.boolean().default(false),
    default: z.unknown().optional(),
    description: z.string().min(1, { error: 'describe the parameter' }),
  })
  .strict();

/** The YAML of one saved query file, as validated at start-up. */
export const savedQueryFileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case name' }),
    description: z.string().min(1, { error: 'describe what the query answers' }),
    public: z.boolean().default(false),
    parameters: z.record(z.string().regex(/^[A-Za-z_]\w*$/, { error: 'expected a parameter name' }), parameterSchema).default({}),
    cypher: z.string().min(1, { error: 'expected the Cypher text' }),
  })
  .strict();

/** A declared parameter of a saved query. */
export interface SavedQueryParameter {
  name: string;
  type: ParameterType;
  /** For lists: the type of every item, when declared. */
  items: (typeof ITEM_TYPES)[number] | null;
  required: boolean;
  /** Used when the caller leaves the parameter out; null when there is none. */
  default: unknown;
  description: string;
}

/** A named, parameterised, read-only query kept as a file under queries/. */
export interface SavedQuery {
  name: string;
  description: string;
  /** Readers may list and run public queries; analysts and admins see all. */
  public: boolean;
  parameters: SavedQueryParameter[];
  cypher: string;
  /** The file it was read from, for messages. */
  file: string;
}

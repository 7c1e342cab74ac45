/** Options of the operation-name label. */
export interface OperationLabelOptions {
  /** Names that always get a label of their own (METRICS_OPERATIONS). */
  known: readonly string[];
  /** How many other names get one, first seen first (METRICS_MAX_OPERATIONS). */
  maxLearned: number;
}

/** Label of requests without an operation name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** Label of every name past the bound. */
export const OTHER_OPERATION = 'other';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Maps a client-chosen operation name to a metric label from a bounded set,
 * since every distinct label value is a new time series that Prometheus keeps:
 * a client sending random names must not be able to grow /metrics without
 * end. Configured names always pass; the first `maxLearned` other names pass
 * too (a deployment's own clients, seen early); every later one is "other".
 * So a metric has at most known + maxLearned + 2 operation values.
 */
export function createOperationLabel(options: OperationLabelOptions): (name: string | null | undefined) => string {
  const known = new Set(options.known);
  const learned = new Set<string>();
  return (name) => {
    if (!name) return ANONYMOUS_OPERATION;
    if (known.has(name) || learned.has(name)) return name;
    if (!GRAPHQL_NAME.test(name) || learned.size >= options.maxLearned) return OTHER_OPERATION;
    learned.add(name);
    return name;
  };
}

/**
 * About how many bytes a value takes as JSON, without building the JSON:
 * strings by their length, numbers as 8, keys with their quotes. Cheap
 * enough to run on every row the executor returns, close enough to stop a
 * response that grows into megabytes.
 */
export function approximateBytes(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 5;
    case 'object': {
      if (depth > 32) return 0;
      let n = 2;
      if (Array.isArray(value)) {
        for (const item of value) n += approximateBytes(item, depth + 1) + 1;
      } else {
        for (const key in value as Record<string, unknown>) n += key.length + 4 + approximateBytes((value as Record<string, unknown>)[key], depth + 1);
      }
      return n;
    }
    default:
      return 0;
  }
}

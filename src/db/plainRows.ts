import type { Record as Neo4jRecord } from 'neo4j-driver';
import { toPlain } from './toPlain';

/**
 * A result's rows as plain data (see toPlain), and about how many bytes
 * they take as JSON (strings by their length, numbers as 8, keys with
 * their quotes), in one walk. The maps and lists the driver decoded belong
 * to this result alone, so they are converted in place instead of copied:
 * a compiled read returns thousands of values, and each copy was garbage
 * to collect. Only class instances (integers, graph and temporal values)
 * are replaced, by toPlain's conversion.
 */
export function plainRows<Row>(records: readonly Neo4jRecord[]): { rows: Row[]; bytes: number } {
  const counter = { bytes: 2 };
  const rows = records.map((record) => settle(record.toObject(), counter) as Row);
  return { rows, bytes: counter.bytes };
}

function settle(value: unknown, counter: { bytes: number }): unknown {
  switch (typeof value) {
    case 'string':
      counter.bytes += value.length + 2;
      return value;
    case 'number':
      counter.bytes += 8;
      return value;
    case 'boolean':
      counter.bytes += 5;
      return value;
    case 'object':
      break;
    case 'undefined':
      counter.bytes += 4;
      return null;
    default: {
      const plain = toPlain(value);
      counter.bytes += 8;
      return plain;
    }
  }
  if (value === null) {
    counter.bytes += 4;
    return null;
  }
  if (Array.isArray(value)) {
    counter.bytes += 2 + value.length;
    for (let i = 0; i < value.length; i += 1) value[i] = settle(value[i], counter);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    counter.bytes += 2;
    for (const key in map) {
      counter.bytes += key.length + 4;
      map[key] = settle(map[key], counter);
    }
    return map;
  }
  // An integer, a node, a temporal value ...: a new plain value, counted as what it became.
  return settle(toPlain(value), counter);
}

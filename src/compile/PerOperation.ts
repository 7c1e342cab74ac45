/** Variable sets kept per node: one query asked with ever new variables must not grow without bound. */
const DEFAULT_PER_NODE = 16;

/**
 * Values worked out from one node of a parsed operation (the operation, a
 * field) and a key made of what else they depend on (the variables), kept
 * for as long as the node lives. Apollo keeps one parsed document per query
 * text (its document store), so a repeated query brings back the same
 * nodes, and the same variables give the same value: a client's repeated
 * reads work it out once. When the store drops a document, its values go
 * with it.
 */
export class PerOperation<Node extends object, Value> {
  private readonly values = new WeakMap<Node, Map<string, Value>>();

  constructor(private readonly perNode = DEFAULT_PER_NODE) {}

  /** The value of `node` under `key`, worked out by `compute` the first time; a `compute` that throws keeps nothing. */
  get(node: Node, key: string, compute: () => Value): Value {
    let byKey = this.values.get(node);
    if (!byKey) this.values.set(node, (byKey = new Map()));
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (byKey.size >= this.perNode) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, value);
    return value;
  }
}

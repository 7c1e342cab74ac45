import type { StatementText } from './compileStatement';

/**
 * A bounded least-recently-used cache of statement texts by shape. A Map
 * keeps insertion order, so the first key is the least recently used one
 * once every hit is moved to the end.
 */
export class ShapeCache<T> {
  private readonly texts = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  /** The text of a shape, built once by `build` while it stays among the `capacity` most recently used. */
  get(shape: string, build: () => T): T {
    const hit = this.texts.get(shape);
    if (hit !== undefined) {
      this.texts.delete(shape);
      this.texts.set(shape, hit);
      return hit;
    }
    const text = build();
    this.texts.set(shape, text);
    if (this.texts.size > this.capacity) this.texts.delete(this.texts.keys().next().value as string);
    return text;
  }

  get size(): number {
    return this.texts.size;
  }
}

/** The texts of every compiled statement of the process: shapes are few, texts are reused across requests. */
export const STATEMENTS = new ShapeCache<StatementText>(1_000);

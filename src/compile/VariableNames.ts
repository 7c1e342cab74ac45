/**
 * Fresh Cypher variable names for one statement (r1, m1, r2 ...). Nested
 * subqueries see their outer variables, so each level needs names of its
 * own; numbering in the order of rendering keeps the text a function of
 * the shape.
 */
export class VariableNames {
  private next = 0;

  /** A name not used before in this statement, starting with `prefix`. */
  fresh(prefix: string): string {
    this.next += 1;
    return `${prefix}${this.next}`;
  }
}

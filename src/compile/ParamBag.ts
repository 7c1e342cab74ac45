/**
 * The values of one compiled statement. The planner adds values in the
 * order it walks the selection and gets back their parameter names ($p0,
 * $p1 ...), so the names depend on the shape only and the text can be
 * cached; the values travel beside it.
 */
export class ParamBag {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  /** Adds a value; returns the parameter's name without the `$`. */
  add(value: unknown): string {
    const name = `p${this.next}`;
    this.next += 1;
    this.values[name] = value;
    return name;
  }
}

/**
 * Calls `start` with V8's stack capture off, and turns it back on before
 * returning or throwing. For session.run: the driver's Result captures and
 * formats the caller's stack trace for every statement, to put on its
 * errors, which is about 0.05 ms of the single thread per read (a tenth
 * of a small read's whole cost in Node). The executor names every
 * statement and maps every driver error (mapNeo4jError), so that stack
 * adds nothing. `start` must be synchronous work only: nothing else can
 * run, or see the setting, before it is restored.
 */
export function withoutStackTrace<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

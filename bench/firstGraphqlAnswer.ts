import type { ChildProcess } from 'node:child_process';

/**
 * Resolves when POST `url` answers `{ __typename }` with 200, polling every
 * 50 ms; rejects when the process exits first or `timeoutMs` passes, with
 * the tail of what it printed (`output`).
 */
export async function firstGraphqlAnswer(child: ChildProcess, url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the service exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
    }
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

import { EventEmitter, on } from 'node:events';
import type { ChangeEvent } from './ChangeEvent';

/** What subscribers ask for: the changes of one entity, or of relations of some types. */
export type ChangeFilter = { entityId: string } | { relationTypes: readonly string[] };

/**
 * The changes this API process has committed, for subscriptions. In
 * process only: a subscriber sees the writes made through the same API
 * process (docs/writes.md says so), which is what one server deployment
 * needs; several API processes would need a shared bus in its place.
 */
export interface ChangeFeed {
  /** Hands committed changes to current subscribers; never throws. */
  publish(events: readonly ChangeEvent[]): void;
  /** The changes matching `filter` from now on, until the iterator is returned (the client unsubscribes). */
  subscribe(filter: ChangeFilter): AsyncIterableIterator<ChangeEvent>;
  /** How many subscriptions are open (for tests and metrics). */
  readonly subscribers: number;
}

/** Makes the change feed of one app. */
export function createChangeFeed(): ChangeFeed {
  const emitter = new EventEmitter();
  // Every open subscription is a listener; the default warning at 10 is about leaks, not about load.
  emitter.setMaxListeners(0);
  return {
    publish(events) {
      for (const event of events) emitter.emit('change', event);
    },
    subscribe(filter) {
      const controller = new AbortController();
      const source = on(emitter, 'change', { signal: controller.signal }) as AsyncIterableIterator<[ChangeEvent]>;
      const matches = (event: ChangeEvent) =>
        'entityId' in filter
          ? event.entityId === filter.entityId || event.to === filter.entityId
          : event.kind === 'RELATION' && event.relationType !== null && filter.relationTypes.includes(event.relationType);
      const iterator: AsyncIterableIterator<ChangeEvent> = {
        async next() {
          for (;;) {
            try {
              const step = await source.next();
              if (step.done) return { done: true, value: undefined };
              if (matches(step.value[0])) return { done: false, value: step.value[0] };
            } catch (error) {
              if ((error as Error).name === 'AbortError') return { done: true, value: undefined };
              throw error;
            }
          }
        },
        async return() {
          controller.abort();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    get subscribers() {
      return emitter.listenerCount('change');
    },
  };
}

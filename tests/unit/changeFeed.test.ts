import { createChangeFeed, type ChangeEvent } from '../../src/mutations';

const event = (over: Partial<ChangeEvent>): ChangeEvent => ({
  kind: 'RELATION',
  mutation: 'assertRelation',
  entityId: 'a',
  relationId: 'a-SAID-b',
  relationType: 'SAID',
  to: 'b',
  version: 1,
  retracted: false,
  requestId: 'r',
  actor: 'key:x',
  at: '2025-01-01T00:00:00Z',
  auditEntryId: 'e',
  ...over,
});

describe('the change feed of subscriptions', () => {
  it('hands each subscriber only the changes it asked for, in order', async () => {
    const feed = createChangeFeed();
    const said = feed.subscribe({ relationTypes: ['SAID'] });
    const ofB = feed.subscribe({ entityId: 'b' });
    expect(feed.subscribers).toBe(2);
    feed.publish([
      event({ relationType: 'ABOUT', relationId: 'a-ABOUT-c', to: 'c' }),
      event({ requestId: 'first' }),
      event({ kind: 'ENTITY', entityId: 'b', relationId: null, relationType: null, to: null, requestId: 'entity' }),
      event({ requestId: 'second', retracted: true }),
    ]);
    expect((await said.next()).value.requestId).toBe('first');
    expect((await said.next()).value).toMatchObject({ requestId: 'second', retracted: true });
    expect((await ofB.next()).value.requestId).toBe('first');
    expect((await ofB.next()).value.requestId).toBe('entity');
    await said.return!();
    await ofB.return!();
    expect(feed.subscribers).toBe(0);
  });

  it('ends a waiting subscriber when it unsubscribes', async () => {
    const feed = createChangeFeed();
    const iterator = feed.subscribe({ relationTypes: ['SAID'] });
    const pending = iterator.next();
    await iterator.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

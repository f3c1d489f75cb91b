import { describe, expect, it } from 'vitest';
import { ApiKeyCache } from '../../src/http/api-key-cache.js';

describe('ApiKeyCache', () => {
  it('forgets every token of a key, and nothing of other keys', () => {
    const cache = new ApiKeyCache<string>(30_000);
    cache.set('t1', 'k1', 'one', cache.mark());
    cache.set('t1b', 'k1', 'one again', cache.mark());
    cache.set('t2', 'k2', 'two', cache.mark());
    cache.forgetKey('k1');
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t1b')).toBeUndefined();
    expect(cache.get('t2')).toEqual(expect.objectContaining({ value: 'two' }));
  });

  it('keeps a "no such key" answer apart from a miss', () => {
    const cache = new ApiKeyCache<string | undefined>(30_000);
    cache.set('bad', 'k', undefined, cache.mark());
    expect(cache.get('bad')).toEqual(expect.objectContaining({ value: undefined }));
    expect(cache.get('never seen')).toBeUndefined();
  });

  it('does not cache what was read before a revocation was heard', () => {
    const cache = new ApiKeyCache<string>(30_000);
    const mark = cache.mark(); // the store read starts…
    cache.forgetKey('k1'); // …the revocation's NOTIFY arrives…
    cache.set('t1', 'k1', 'stale', mark); // …and the read, from before it, returns
    expect(cache.get('t1')).toBeUndefined();
  });

  it('lets an entry expire, so a missed NOTIFY heals', () => {
    let now = 0;
    const cache = new ApiKeyCache<string>(30_000, 10, () => now);
    cache.set('t1', 'k1', 'one', cache.mark());
    now = 30_001;
    expect(cache.get('t1')).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)("a brand's official domains and their lookalike matching on $name", (kind) => {
  let h: Harness;
  const register = (payload: object) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/admin/official-channels',
      headers: bearer(h.keys.admin),
      payload,
    });
  const lookup = async (q: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/v1/lookup?q=${encodeURIComponent(q)}`,
        headers: bearer(h.keys.exchange),
      })
    ).json();

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
  });
  afterAll(async () => h.close());

  it("registers a brand's other domains in one request, all official, the .com named by lookalikes", async () => {
    const response = await register({
      brand: 'Binance',
      value: 'binance.com',
      domains: ['binance.net', 'binance.cloud', 'binance.vision'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      key: 'domain:binance.com',
      kind: 'domain',
      display: 'binance.com',
      domains: [
        { key: 'domain:binance.net', display: 'binance.net' },
        { key: 'domain:binance.cloud', display: 'binance.cloud' },
        { key: 'domain:binance.vision', display: 'binance.vision' },
      ],
    });
    for (const official of ['https://www.binance.cloud/en', 'data.binance.vision', 'binance.net'])
      expect(await lookup(official)).toMatchObject({ verdict: 'official', official: { brand: 'Binance' } });
    expect(await lookup('binance-promo.netlify.app')).toMatchObject({
      verdict: 'suspicious_lookalike',
      lookalike: { brand: 'Binance', imitates: 'binance.com' },
    });
  });

  it('names every bad domain and writes nothing', async () => {
    const response = await register({
      brand: 'Kraken',
      value: 'kraken.com',
      domains: ['kraken.io', 'not a domain', 'x'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body/domains/1',
      'body/domains/2',
    ]);
    expect(await lookup('kraken.com')).not.toMatchObject({ verdict: 'official' });
  });

  it('keeps the distinctiveness override of a domain across a reload', async () => {
    expect((await lookup('blockchain-council.org')).verdict).toBe('unknown');
    await register({ brand: 'Blockchain.com', value: 'blockchain.com' });
    // Automatic: "blockchain" is not in the word list, so it is found inside other names.
    expect(await lookup('blockchain-council.org')).toMatchObject({ verdict: 'suspicious_lookalike' });
    expect(
      (await register({ brand: 'Blockchain.com', value: 'blockchain.com', distinctive: false })).statusCode,
    ).toBe(201);
    expect((await lookup('blockchain-council.org')).verdict).toBe('unknown');
    expect(await lookup('blockchain.com.wallet-verify.xyz')).toMatchObject({
      verdict: 'suspicious_lookalike',
    });
    const rows = await h.caveat.db.query<{ distinctive: boolean | null }>(
      "SELECT distinctive FROM official_channels WHERE key = 'domain:blockchain.com'",
    );
    expect(rows).toEqual([{ distinctive: false }]);
  });
});

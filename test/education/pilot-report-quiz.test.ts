import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { educationOf } from '../../src/app/education-service.js';
import { QUIZ_STRINGS } from '../../src/education/strings/index.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { addDemoChannels } from './channels.js';
import { simulateTakers } from './population.js';

describe.each(storeKinds)('the pilot report’s quiz section on $name', (kind) => {
  let h: Harness;
  const html = async (query: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/v1/reports/pilot.html?${query}`,
        headers: bearer(h.keys.reports),
      })
    ).body;

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    await addDemoChannels(h);
    const education = await educationOf(h.caveat);
    await education.generateDraft('HK', 'test');
    await education.approve('HK', 'test-reviewer', null);
    await education.publish('HK', 'test');
    await simulateTakers(education, { jurisdiction: 'HK', takers: 30, seed: 'report-1' });
  }, 120_000);
  afterAll(async () => h?.close());

  it('adds which tricks fool people to a jurisdiction’s report, with Wilson intervals', async () => {
    const body = await html('campaign=hk-pilot');
    expect(body).toContain('<h2>Phishing quiz</h2>');
    for (const label of Object.values(QUIZ_STRINGS.en.tricks))
      expect(body).toMatch(
        new RegExp(`<td>${label.replace(/"/g, '&quot;')}</td><td>\\d+\\.\\d% <span class="ci">\\(95% `),
      );
    expect(body).not.toMatch(/NaN|undefined/);
  });

  it('says nothing about a quiz where none is published, and keeps to the asked period', async () => {
    expect(await html('jurisdiction=MO')).not.toContain('Phishing quiz');
    expect(await html('campaign=hk-pilot&from=2020-01-01&to=2020-01-31')).not.toContain('Phishing quiz');
    expect(await html('campaign=hk-pilot&from=2020-01-01')).toContain('Phishing quiz');
  });
});

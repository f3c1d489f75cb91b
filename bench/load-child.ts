/**
 * Runs one autocannon load against a screening endpoint from its own process, so a benchmark can
 * measure a server that lives in the benchmark's process. Prints the LoadResult as JSON.
 * Args: url token seconds connections network [jurisdiction locale]
 */
import { createHash } from 'node:crypto';
import { benchWithdrawal, load } from './support.js';

const [
  url = '',
  token = '',
  seconds = '10',
  connections = '50',
  network = 'ETH',
  jurisdiction = 'HK',
  locale = 'zh-Hant-HK',
] = process.argv.slice(2);
const run = `${process.pid}-${Date.now()}`;
let serial = 0;
const result = await load({
  url: `${url}/v1/screenings`,
  headers: { authorization: `Bearer ${token}` },
  durationSeconds: Number(seconds),
  connections: Number(connections),
  body: () => {
    serial += 1;
    const request = benchWithdrawal(run, serial, { jurisdiction, locale });
    const address = `0x${createHash('sha256').update(`dest-${run}-${serial}`).digest('hex').slice(0, 40)}`;
    return JSON.stringify({ ...request, network, destination: { ...request.destination, address } });
  },
});
process.stdout.write(`${JSON.stringify(result)}\n`);

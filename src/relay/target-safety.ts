import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach: loopback, private, link-local, carrier-grade NAT, unspecified
 * and unique-local ranges (a partner URL must never become a way into the exchange's own network).
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  const family = isIP(address);
  return family === 4 ? blocked.check(address, 'ipv4') : family === 6 ? blocked.check(address, 'ipv6') : true;
}

/** Why a URL may not be called under this policy, or undefined when it may. */
export function targetProblem(url: string, allowedHosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return `scheme ${parsed.protocol} not allowed`;
  if (parsed.username || parsed.password) return 'credentials in the URL are not allowed';
  if (!allowedHosts.includes(parsed.hostname))
    return `host ${parsed.hostname} is not one of the partner's hosts`;
  return undefined;
}

/**
 * Clusters: reports that share a normalized identifier key (or name the same lookalike target) are
 * one case, transitively — fifty domains of one phishing kit that share a wallet show as one. These
 * are the connected components of the report–key graph, found with a union–find over report
 * positions (path halving, union by size): near-linear, a few arrays and one Map of keys, so a
 * million reports fit in well under a second and a few hundred MB (bench/scam-reports.ts).
 */

/** For each report (by position), the position of its component's representative. */
export function connectedComponents(reports: readonly (readonly string[])[]): Int32Array {
  const parent = new Int32Array(reports.length);
  const size = new Int32Array(reports.length).fill(1);
  for (let i = 0; i < parent.length; i += 1) parent[i] = i;
  const find = (x: number): number => {
    let node = x;
    while (parent[node] !== node) {
      const grand = parent[parent[node] as number] as number;
      parent[node] = grand;
      node = grand;
    }
    return node;
  };
  // The first report naming a key stands for it; every later one is joined to it.
  const firstWithKey = new Map<string, number>();
  for (let i = 0; i < reports.length; i += 1) {
    for (const key of reports[i] as readonly string[]) {
      const first = firstWithKey.get(key);
      if (first === undefined) {
        firstWithKey.set(key, i);
        continue;
      }
      let a = find(first);
      let b = find(i);
      if (a === b) continue;
      if ((size[a] as number) < (size[b] as number)) [a, b] = [b, a];
      parent[b] = a;
      size[a] = (size[a] as number) + (size[b] as number);
    }
  }
  for (let i = 0; i < parent.length; i += 1) parent[i] = find(i);
  return parent;
}

/** The components as lists of report positions, largest first. */
export function groupComponents(roots: Int32Array): number[][] {
  const groups = new Map<number, number[]>();
  roots.forEach((root, i) => {
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
}

/** The key that joins reports naming sites which imitate the same official domain. */
export const lookalikeClusterKey = (imitates: string): string => `lookalike:${imitates}`;

/**
 * Where a new report goes, given the clusters its keys already belong to: a new cluster when none,
 * that one when one, and when it bridges several the oldest survives and absorbs the others (its id
 * is what analysts already saw and may have quoted).
 */
export function assignCluster(
  touched: readonly { id: string; createdAtMs: number }[],
): { kind: 'new' } | { kind: 'join'; id: string; absorb: string[] } {
  if (touched.length === 0) return { kind: 'new' };
  const sorted = [...touched].sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
  const [oldest, ...rest] = sorted as [{ id: string; createdAtMs: number }, ...{ id: string }[]];
  return {
    kind: 'join',
    id: oldest.id,
    absorb: [...new Set(rest.map((c) => c.id))].filter((id) => id !== oldest.id),
  };
}

export interface ClusterMember {
  createdAtMs: number;
  jurisdiction: string;
  category: string;
  loss: { amount: string; asset: string } | null;
}

export interface ClusterFigures {
  reportCount: number;
  firstSeenMs: number;
  lastSeenMs: number;
  jurisdictions: string[];
  categories: string[];
  /** Sum per asset, exact (decimal strings), sorted by asset. */
  totalLoss: { asset: string; amount: string }[];
}

const SCALE = 18;

/** Adds decimal strings exactly (no floating point: 0.1 + 0.2 USDT is 0.3). */
export function addDecimals(a: string, b: string): string {
  return formatScaled(toScaled(a) + toScaled(b));
}

const toScaled = (decimal: string): bigint => {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0').slice(0, SCALE) || '0');
};

const formatScaled = (value: bigint): string => {
  const unit = 10n ** BigInt(SCALE);
  const fraction = (value % unit).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return fraction ? `${value / unit}.${fraction}` : `${value / unit}`;
};

/** Counts, total loss per asset and first/last seen of one cluster's reports. */
export function clusterFigures(members: readonly ClusterMember[]): ClusterFigures {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const jurisdictions = new Set<string>();
  const categories = new Set<string>();
  const losses = new Map<string, bigint>();
  for (const member of members) {
    first = Math.min(first, member.createdAtMs);
    last = Math.max(last, member.createdAtMs);
    jurisdictions.add(member.jurisdiction);
    categories.add(member.category);
    if (member.loss) {
      const asset = member.loss.asset.toUpperCase();
      losses.set(asset, (losses.get(asset) ?? 0n) + toScaled(member.loss.amount));
    }
  }
  return {
    reportCount: members.length,
    firstSeenMs: members.length > 0 ? first : 0,
    lastSeenMs: members.length > 0 ? last : 0,
    jurisdictions: [...jurisdictions].sort(),
    categories: [...categories].sort(),
    totalLoss: [...losses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([asset, amount]) => ({ asset, amount: formatScaled(amount) })),
  };
}

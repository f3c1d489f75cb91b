/**
 * Reads a V8 .cpuprofile (written by `node --cpu-prof`) and sums self time per function, so a
 * benchmark can print where the server's CPU went. Self time is what a function spends in its own
 * code, not in what it calls: the list says what to make cheaper.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  share: number;
}

/**
 * The main thread's profile in a directory. Node writes one per thread (the module-loader hooks
 * thread of tsx writes its own, small one): the main thread's is the largest.
 */
export function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ path: join(dir, name), size: statSync(join(dir, name)).size }))
    .sort((a, b) => b.size - a.size);
  const largest = files[0];
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`);
  return largest.path;
}

/**
 * The profile from the first sample whose stack runs `startAt` (e.g. the request handler) on: start-up
 * (module loading, compiling, migrations) is not what a benchmark of the hot path wants to see.
 */
function loadProfile(
  file: string,
  startAt?: string,
): { profile: CpuProfile; byId: Map<number, ProfileNode>; from: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  if (!startAt) return { profile, byId, from: 0 };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const runs = new Map<number, boolean>();
  const inStack = (id: number): boolean => {
    const known = runs.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = node?.callFrame.functionName === startAt || (up !== undefined && inStack(up));
    runs.set(id, result);
    return result;
  };
  const from = profile.samples.findIndex((id) => inStack(id));
  return { profile, byId, from: Math.max(0, from) };
}

export function topSelfTime(
  file: string,
  top = 15,
  startAt?: string,
): { functions: SelfTime[]; idleShare: number } {
  const { profile, byId, from } = loadProfile(file, startAt);
  const totals = new Map<string, { name: string; where: string; micros: number }>();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    if (index < from) return;
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    all += micros;
    if (frame.functionName === '(idle)') {
      idle += micros;
      return;
    }
    const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '(native)';
    const key = `${frame.functionName}@${where}`;
    const entry = totals.get(key) ?? { name: frame.functionName || '(anonymous)', where, micros: 0 };
    entry.micros += micros;
    totals.set(key, entry);
  });
  const busy = all - idle;
  const functions = [...totals.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, top)
    .map((entry) => ({ name: entry.name, where: entry.where, share: busy > 0 ? entry.micros / busy : 0 }));
  return { functions, idleShare: all > 0 ? idle / all : 0 };
}

/** Sums self time by area (caveat's own folders, node internals, each dependency). */
export function selfTimeByArea(file: string, startAt?: string): { area: string; share: number }[] {
  const { profile, byId, from } = loadProfile(file, startAt);
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    if (index < from) return;
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    busy += micros;
    const area = areaOf(frame.url, frame.functionName);
    totals.set(area, (totals.get(area) ?? 0) + micros);
  });
  return [...totals.entries()]
    .map(([area, micros]) => ({ area, share: busy > 0 ? micros / busy : 0 }))
    .sort((a, b) => b.share - a.share);
}

function areaOf(url: string, name: string): string {
  if (!url) return name === '(garbage collector)' ? 'garbage collection' : '(native / V8)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url.startsWith('node:')) return 'node core';
  const own = /\/src\/([^/]+)\//.exec(url);
  return own?.[1] ? `caveat ${own[1]}` : shorten(url);
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) return path.slice(inModules + 'node_modules/'.length);
  return relative(process.cwd(), path);
}

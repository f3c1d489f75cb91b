/**
 * The order in which locales are tried for a requested one: the tag itself, its parents, then the
 * same with the script made explicit (zh-MO means zh-Hant-MO), then the jurisdiction's default
 * locale and its parents, then English. zh-Hant-MO → zh-Hant → zh → … → en.
 */
export function localeCandidates(requested: string, jurisdictionDefault: string): readonly string[] {
  // Intl canonicalization costs microseconds per call on the hot path, and real traffic carries a
  // handful of distinct tags; the cache is bounded because the tag comes from the request.
  const cacheKey = `${requested}\u0000${jurisdictionDefault}`;
  const cached = candidateCache.get(cacheKey);
  if (cached) return cached;
  const candidates = computeCandidates(requested, jurisdictionDefault);
  if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
  candidateCache.set(cacheKey, candidates);
  return candidates;
}

const CANDIDATE_CACHE_LIMIT = 1000;
const candidateCache = new Map<string, readonly string[]>();

function computeCandidates(requested: string, jurisdictionDefault: string): readonly string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const push = (tag: string) => {
    for (const parent of withParents(tag)) {
      const key = parent.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(parent);
      }
    }
  };
  const canonical = canonicalize(requested);
  if (canonical) {
    push(canonical);
    const maximized = maximizeScriptOnly(canonical);
    if (maximized) push(maximized);
  }
  push(jurisdictionDefault);
  push('en');
  return out;
}

/** Picks the best available locale for a request; undefined only when none is available. */
export function resolveLocale(
  requested: string,
  available: readonly string[],
  jurisdictionDefault: string,
): string | undefined {
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  for (const candidate of localeCandidates(requested, jurisdictionDefault)) {
    const hit = byLower.get(candidate.toLowerCase());
    if (hit) return hit;
  }
  return available[0];
}

function withParents(tag: string): string[] {
  const parts = tag.split('-');
  const out: string[] = [];
  for (let length = parts.length; length >= 1; length -= 1) out.push(parts.slice(0, length).join('-'));
  return out;
}

function canonicalize(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** zh-MO → zh-Hant-MO, pt-MO → pt-Latn-MO; keeps the region but adds only the likely script. */
function maximizeScriptOnly(tag: string): string | undefined {
  const locale = new Intl.Locale(tag);
  if (locale.script) return undefined;
  const script = locale.maximize().script;
  if (!script) return undefined;
  return [locale.language, script, locale.region].filter(Boolean).join('-');
}

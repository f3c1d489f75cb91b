/**
 * What a jurisdiction says about its languages: its default, and optionally its own fallback chain.
 * A bare string is a default locale with the usual chain.
 */
export interface LocalePolicy {
  /** ISO 3166 code: the region a tag without one (plain "zh") is read in. */
  code?: string;
  defaultLocale: string;
  localeFallback?: readonly string[] | undefined;
}

/**
 * The order in which locales are tried for a requested one: the tag itself and its parents, the
 * same with the script made explicit (zh-MO means zh-Hant-MO), then the jurisdiction's own
 * fallback chain when it has one, else the script the language is written in the reader's region
 * (Singapore, mainland China and Malaysia write Chinese in Simplified: zh-Hant-SG → zh-Hans), then
 * the jurisdiction's default locale and its parents, then English. zh-Hant-MO → zh-Hant → zh → … → en.
 */
export function localeCandidates(requested: string, jurisdiction: string | LocalePolicy): readonly string[] {
  const policy = typeof jurisdiction === 'string' ? { defaultLocale: jurisdiction } : jurisdiction;
  // Intl canonicalization costs microseconds per call on the hot path, and real traffic carries a
  // handful of distinct tags; the cache is bounded because the tag comes from the request.
  const cacheKey = [
    requested,
    policy.code ?? '',
    policy.defaultLocale,
    ...(policy.localeFallback ?? []),
  ].join('\u0000');
  const cached = candidateCache.get(cacheKey);
  if (cached) return cached;
  const candidates = computeCandidates(requested, policy);
  if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
  candidateCache.set(cacheKey, candidates);
  return candidates;
}

const CANDIDATE_CACHE_LIMIT = 1000;
const candidateCache = new Map<string, readonly string[]>();

function computeCandidates(requested: string, policy: LocalePolicy): readonly string[] {
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
  const chain = (policy.localeFallback ?? []).flatMap((tag) => canonicalize(tag) ?? []);
  if (chain.length > 0) for (const tag of chain) push(tag);
  else if (canonical) {
    const regional = regionalScript(canonical, policy.code);
    if (regional) push(regional);
  }
  push(policy.defaultLocale);
  push('en');
  return out;
}

/** Picks the best available locale for a request; undefined only when none is available. */
export function resolveLocale(
  requested: string,
  available: readonly string[],
  jurisdiction: string | LocalePolicy,
): string | undefined {
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  for (const candidate of localeCandidates(requested, jurisdiction)) {
    const hit = byLower.get(candidate.toLowerCase());
    if (hit) return hit;
  }
  return available[0];
}

/**
 * The language in the script its readers in this region use: zh-Hant-SG → zh-Hans, zh-TW → zh-Hant;
 * the region is the tag's own, else the jurisdiction's.
 */
function regionalScript(tag: string, jurisdictionCode: string | undefined): string | undefined {
  try {
    const locale = new Intl.Locale(tag);
    const region = locale.region ?? jurisdictionCode;
    if (!region) return undefined;
    const script = new Intl.Locale(`${locale.language}-${region}`).maximize().script;
    return script ? `${locale.language}-${script}` : undefined;
  } catch {
    return undefined;
  }
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

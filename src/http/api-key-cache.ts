/**
 * Verified bearer tokens, kept briefly so the screening hot path does not query the store per
 * request. Entries are indexed by key id too, so a revocation heard over NOTIFY drops every token
 * of that key. The lifetime caps how long a NOTIFY missed while the LISTEN connection was down can
 * keep a revoked key working.
 */
export class ApiKeyCache<Value> {
  private readonly byToken = new Map<string, { value: Value; keyId: string; until: number }>();
  private readonly tokensOfKey = new Map<string, Set<string>>();
  // Bumped on every invalidation: a lookup that started before one must not cache what it read.
  private generation = 0;

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value (which may itself say "no such key"), or undefined when not cached. */
  get(token: string): { value: Value } | undefined {
    const entry = this.byToken.get(token);
    if (!entry) return undefined;
    if (entry.until >= this.now()) return entry;
    this.delete(token, entry.keyId);
    return undefined;
  }

  /** A mark to pass to set(): set() ignores the value if anything was forgotten since. */
  mark(): number {
    return this.generation;
  }

  set(token: string, keyId: string, value: Value, mark: number): void {
    if (mark !== this.generation) return;
    if (this.byToken.size >= this.maxEntries) this.forgetAll();
    this.byToken.set(token, { value, keyId, until: this.now() + this.lifetimeMs });
    const tokens = this.tokensOfKey.get(keyId) ?? new Set();
    tokens.add(token);
    this.tokensOfKey.set(keyId, tokens);
  }

  forgetKey(keyId: string): void {
    this.generation += 1;
    for (const token of this.tokensOfKey.get(keyId) ?? []) this.byToken.delete(token);
    this.tokensOfKey.delete(keyId);
  }

  forgetAll(): void {
    this.generation += 1;
    this.byToken.clear();
    this.tokensOfKey.clear();
  }

  private delete(token: string, keyId: string): void {
    this.byToken.delete(token);
    const tokens = this.tokensOfKey.get(keyId);
    tokens?.delete(token);
    if (tokens?.size === 0) this.tokensOfKey.delete(keyId);
  }
}

import { IndicatorIndex } from '../intelligence/indicator-index.js';
import { LookalikeDetector } from '../intelligence/lookalike.js';
import type { IntelligenceView } from '../intelligence/lookup.js';
import { OfficialRegistry } from '../intelligence/official-channels.js';
import type { Database } from '../store/database.js';
import { INTELLIGENCE_CHANGED, type IntelligenceRepository } from '../store/intelligence-repository.js';

/**
 * The scam intelligence in memory: indicators in a compact index, the official registry and its
 * lookalike detector. Loaded at start; on a change by any instance (NOTIFY) only the indicators
 * changed since the last revision are read again, so a partner feed update costs its own size.
 */
export class IntelligenceHolder implements IntelligenceView {
  private index = new IndicatorIndex();
  private revision = 0;
  registry = new OfficialRegistry([]);
  detector = new LookalikeDetector([]);
  private refreshing: Promise<void> | undefined;
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly repository: IntelligenceRepository,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.index.size;
  }

  indicator = (key: string) => this.index.get(key);

  async start(): Promise<void> {
    const refresh = () => void this.refresh().catch(this.onError);
    // Reading from the last revision after a lost listening connection catches up on what was missed.
    this.unlisten = await this.db.listen(INTELLIGENCE_CHANGED, refresh, { onResync: refresh });
    await this.refresh();
  }

  /** Reads what changed; concurrent calls coalesce into at most one more pass. */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        for (;;) {
          const page = await this.repository.changedSince(this.revision);
          for (const indicator of page.indicators) this.index.put(indicator);
          this.revision = page.revision;
          if (page.indicators.length === 0) break;
        }
        this.registry = new OfficialRegistry(await this.repository.officialChannels());
        this.detector = new LookalikeDetector(
          this.registry.officialDomains(),
          this.registry.officialHandles(),
        );
      } while (this.again);
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }
}

import type { Database } from '../store/database.js';
import { CAMPAIGNS_CHANGED, type CampaignRepository } from '../store/campaign-repository.js';
import { buildSnapshot, type ScreeningSnapshot } from '../screening/snapshot.js';

/**
 * Keeps the in-memory screening snapshot current: built at start, rebuilt when any instance
 * publishes or retires a campaign (NOTIFY) or the listening connection comes back from a loss, and
 * swapped whole so a request never sees half of one. A failed rebuild keeps the last good snapshot.
 */
export class SnapshotHolder {
  private current: ScreeningSnapshot = buildSnapshot(0, [], []);
  private generation = 0;
  private reloading: Promise<void> | undefined;
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly campaigns: CampaignRepository,
    private readonly onError: (error: unknown) => void,
  ) {}

  get snapshot(): ScreeningSnapshot {
    return this.current;
  }

  async start(): Promise<void> {
    const reload = () => void this.reload().catch(this.onError);
    // After a lost listening connection the publishes made meanwhile were not heard: rebuild.
    this.unlisten = await this.db.listen(CAMPAIGNS_CHANGED, reload, { onResync: reload });
    await this.reload();
  }

  /** Rebuilds now; concurrent calls coalesce into at most one more rebuild. */
  async reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.again = false;
        const [jurisdictions, live] = await Promise.all([
          this.campaigns.listJurisdictions(),
          this.campaigns.listLive(),
        ]);
        this.generation += 1;
        this.current = buildSnapshot(this.generation, jurisdictions, live);
      } while (this.again);
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }
}

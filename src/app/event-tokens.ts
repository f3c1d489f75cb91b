import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'cvtev_';

/**
 * Per-decision capabilities: the decision response carries a token that lets a browser report
 * reactions for that one decision, so the exchange never ships an API key to its users.
 */
export class EventTokens {
  constructor(private readonly secret: string) {}

  issue(decisionId: string): string {
    return `${PREFIX}${decisionId}.${this.mac(decisionId)}`;
  }

  /** The decision id the token covers, or undefined when it is not a valid event token. */
  verify(token: string): string | undefined {
    if (!token.startsWith(PREFIX)) return undefined;
    const dot = token.lastIndexOf('.');
    if (dot <= PREFIX.length) return undefined;
    const decisionId = token.slice(PREFIX.length, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(decisionId));
    return given.length === expected.length && timingSafeEqual(given, expected) ? decisionId : undefined;
  }

  static looksLikeEventToken(token: string): boolean {
    return token.startsWith(PREFIX);
  }

  private mac(decisionId: string): string {
    return createHmac('sha256', this.secret).update(decisionId).digest('base64url').slice(0, 32);
  }
}

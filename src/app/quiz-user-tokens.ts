import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'cvtqu_';

/**
 * Lets an exchange vouch for a signed-in user's pseudonymous reference in a browser quiz without an
 * API key on the page: its backend asks for a token for the userRef and puts it in the element.
 * Without a token (or a decision's event token) an attempt is anonymous.
 */
export class QuizUserTokens {
  constructor(private readonly secret: string) {}

  issue(userRef: string): string {
    const encoded = Buffer.from(userRef, 'utf8').toString('base64url');
    return `${PREFIX}${encoded}.${this.mac(encoded)}`;
  }

  /** The userRef the token vouches for, or undefined when it is not one of ours. */
  verify(token: string): string | undefined {
    if (!token.startsWith(PREFIX)) return undefined;
    const dot = token.lastIndexOf('.');
    if (dot <= PREFIX.length) return undefined;
    const encoded = token.slice(PREFIX.length, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(encoded));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return Buffer.from(encoded, 'base64url').toString('utf8');
  }

  private mac(encoded: string): string {
    return createHmac('sha256', this.secret).update(`quiz-user:${encoded}`).digest('base64url').slice(0, 32);
  }
}

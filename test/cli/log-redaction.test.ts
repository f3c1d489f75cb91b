import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/cli/logger.js';

describe('logs', () => {
  it('never carry session cookies, CSRF tokens, passwords or bearer keys', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    logger.info(
      {
        req: {
          headers: {
            cookie: 'caveat_session=s3cr3t-cookie',
            authorization: 'Bearer cvt_k_s3cr3t-key',
            'x-csrf-token': 's3cr3t-csrf',
          },
        },
        body: { email: 'someone@example.org', password: 's3cr3t-password' },
        session: { csrfToken: 's3cr3t-csrf-2' },
      },
      'request',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/s3cr3t/);
    expect(JSON.parse(lines[0] ?? '{}').req.headers.cookie).toBe('[redacted]');
  });
});

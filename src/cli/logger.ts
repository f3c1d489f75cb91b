import pino, { type Logger } from 'pino';

/** Logs never carry credentials: authorization headers and tokens are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.token',
        '*.eventToken',
        '*.secret',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  });
}

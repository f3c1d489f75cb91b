import pino, { type DestinationStream, type Logger } from 'pino';

/** Logs never carry credentials: authorization and cookie headers, tokens and passwords are redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'req.headers.cookie',
        'headers.cookie',
        'req.headers["x-csrf-token"]',
        '*.password',
        '*.csrfToken',
        '*.token',
        '*.eventToken',
        '*.secret',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

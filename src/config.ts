import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { join, resolve } from 'node:path';

const LogLevel = Type.Union(
  ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
);

/** Configuration read from the environment, with the defaults a first run needs. */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  SPOOL_DIR: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'Where fail-safe answers wait for the store (default: DATA_DIR/spool); one per instance',
    }),
  ),
  LOG_LEVEL: Type.Union(LogLevel.anyOf, { default: 'info' }),
  ABANDON_AFTER_MINUTES: Type.Integer({ minimum: 1, maximum: 10080, default: 30 }),
  FREQUENCY_CACHE_USERS: Type.Integer({
    minimum: 1000,
    default: 200_000,
    description: 'Users × campaigns whose recent cap marks a replica caches (the store holds them all)',
  }),
  EVENT_RETENTION_MONTHS: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1200,
      description: 'Keep reaction events this many whole months, then drop their month; unset keeps them',
    }),
  ),
  PUBLIC_LOOKUP_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  SCAM_REPORTS_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 5,
    description: 'Anonymous scam reports and disputes accepted per client per minute',
  }),
  RELAY_ALLOW_PRIVATE_TARGETS: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'false',
    description: 'Let webhooks reach loopback and private addresses (tests only)',
  }),
  RELAY_RETRY_DELAY_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  RELAY_RETRY_LIMIT: Type.Integer({ minimum: 0, maximum: 30, default: 11 }),
  RELAY_ATTEMPT_EXPIRE_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], {
    default: 'auto',
    description: 'Mark the console session cookie Secure: auto = when the request came over HTTPS',
  }),
  SIGN_IN_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  CONSOLE_REQUIRE_TOTP_FOR_ADMINS: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'true',
    description: 'Admins must sign in with an authenticator code; off in `serve --demo`',
  }),
  PUBLISH_FOUR_EYES: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'true',
    description: 'Every publish needs an approval by someone other than the publisher',
  }),
  TRUST_PROXY: Type.String({
    default: 'false',
    pattern: '^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$',
    description: "Behind a proxy: true, or the proxies' addresses/CIDRs; sets the client address and HTTPS",
  }),
  CORS_ORIGINS: Type.String({
    default: '',
    description: 'Comma-separated origins allowed to call the API from browsers',
  }),
  MAIL_TRANSPORT: Type.Optional(
    Type.String({
      pattern: '^(file:.+|smtps?://.+)$',
      description:
        'Where officer mail goes: file:<dir> (.eml files, default DATA_DIR/outbox) or smtp://host:port',
    }),
  ),
  MAIL_FROM: Type.String({ minLength: 3, default: 'caveat <no-reply@caveat.invalid>' }),
  PUBLIC_BASE_URL: Type.String({
    pattern: '^https?://',
    default: 'http://127.0.0.1:8080',
    description: 'How officers reach this caveat (the confirmation link in mail)',
  }),
  ONCALL_WEBHOOK_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: "The exchange's on-call webhook for police requests" }),
  ),
  ONCALL_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      pattern: '^whsec_[A-Za-z0-9+/=]+$',
      description: 'Standard Webhooks secret for on-call pages',
    }),
  ),
  REVIEW_WEBHOOK_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'Where review steps (submit, approve, …) are POSTed' }),
  ),
  REVIEW_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      pattern: '^whsec_[A-Za-z0-9+/=]+$',
      description: 'Standard Webhooks secret for review notifications',
    }),
  ),
});

type RawConfig = Static<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Local directory of the degraded-decision spool; each instance needs its own. */
  spoolDir: string;
  databaseUrl: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  abandonAfterMs: number;
  /** Bound of the replica's frequency-cap cache (entries); the cap itself is exact in the store. */
  frequencyCacheUsers: number;
  /** Months of reaction events kept (whole months are dropped after); undefined keeps every month. */
  eventRetentionMonths: number | undefined;
  publicLookupPerMinute: number;
  scamReportsPerMinute: number;
  cookieSecure: 'auto' | boolean;
  signInPerMinute: number;
  /** An admin without a second factor can only enrol one (serve --demo turns this off). */
  consoleRequireTotpForAdmins: boolean;
  /** Every publish needs an approval by another person (a partner campaign: the partner's reviewer). */
  publishFourEyes: boolean;
  /** Fastify's trustProxy: false, true, or the proxies' addresses (comma-separated, CIDR allowed). */
  trustProxy: boolean | string;
  corsOrigins: string[];
  police: {
    /** file:<dir> or smtp(s)://… */
    mailTransport: string;
    mailFrom: string;
    publicBaseUrl: string;
    oncallWebhookUrl: string | undefined;
    oncallWebhookSecret: string | undefined;
  };
  /** Review notifications also go to this Standard Webhooks endpoint when both are set. */
  review: { webhookUrl: string | undefined; webhookSecret: string | undefined };
  relay: {
    allowPrivateTargets: boolean;
    retryDelaySeconds: number;
    retryLimit: number;
    expireInSeconds: number;
  };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    const isNumber = [
      'PORT',
      'ABANDON_AFTER_MINUTES',
      'FREQUENCY_CACHE_USERS',
      'EVENT_RETENTION_MONTHS',
      'PUBLIC_LOOKUP_PER_MINUTE',
      'SCAM_REPORTS_PER_MINUTE',
      'SIGN_IN_PER_MINUTE',
      'RELAY_RETRY_DELAY_SECONDS',
      'RELAY_RETRY_LIMIT',
      'RELAY_ATTEMPT_EXPIRE_SECONDS',
    ].includes(key);
    raw[key] = isNumber && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const withDefaults = Value.Default(ConfigSchema, raw);
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const name = error.path.slice(1);
      const shown = name === 'DATABASE_URL' ? '(hidden)' : JSON.stringify(env[name]);
      return `  ${name}=${shown}: ${error.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`);
  }
  const config = withDefaults as RawConfig;
  return {
    port: config.PORT,
    host: config.HOST,
    dataDir: resolve(config.DATA_DIR),
    spoolDir: resolve(config.SPOOL_DIR ?? join(config.DATA_DIR, 'spool')),
    databaseUrl: config.DATABASE_URL,
    logLevel: config.LOG_LEVEL,
    abandonAfterMs: config.ABANDON_AFTER_MINUTES * 60_000,
    frequencyCacheUsers: config.FREQUENCY_CACHE_USERS,
    eventRetentionMonths: config.EVENT_RETENTION_MONTHS,
    publicLookupPerMinute: config.PUBLIC_LOOKUP_PER_MINUTE,
    scamReportsPerMinute: config.SCAM_REPORTS_PER_MINUTE,
    cookieSecure: config.COOKIE_SECURE === 'auto' ? 'auto' : config.COOKIE_SECURE === 'true',
    signInPerMinute: config.SIGN_IN_PER_MINUTE,
    consoleRequireTotpForAdmins: config.CONSOLE_REQUIRE_TOTP_FOR_ADMINS === 'true',
    publishFourEyes: config.PUBLISH_FOUR_EYES === 'true',
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    corsOrigins: config.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    police: {
      mailTransport: config.MAIL_TRANSPORT ?? `file:${resolve(join(config.DATA_DIR, 'outbox'))}`,
      mailFrom: config.MAIL_FROM,
      publicBaseUrl: config.PUBLIC_BASE_URL.replace(/\/$/, ''),
      oncallWebhookUrl: config.ONCALL_WEBHOOK_URL,
      oncallWebhookSecret: config.ONCALL_WEBHOOK_SECRET,
    },
    review: { webhookUrl: config.REVIEW_WEBHOOK_URL, webhookSecret: config.REVIEW_WEBHOOK_SECRET },
    relay: {
      allowPrivateTargets: config.RELAY_ALLOW_PRIVATE_TARGETS === 'true',
      retryDelaySeconds: config.RELAY_RETRY_DELAY_SECONDS,
      retryLimit: config.RELAY_RETRY_LIMIT,
      expireInSeconds: config.RELAY_ATTEMPT_EXPIRE_SECONDS,
    },
  };
}

function trustProxyOf(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

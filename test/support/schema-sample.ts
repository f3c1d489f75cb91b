/**
 * A plausible value for a JSON schema from the OpenAPI document: required fields only, each the
 * first candidate its type, pattern, format and length accept. Good enough that a hostile value
 * put into it meets the route's own code rather than only its validator; not a full generator.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

export const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

const FORMATS: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00.000Z',
  date: '2026-01-01',
  uuid: SAMPLE_UUID,
  email: 'someone@example.org',
  uri: 'https://example.org/',
};

// Ids and codes the harness seeds first, so a sample names things that exist.
const CANDIDATES = [
  'hk-pilot',
  'hk-police',
  'HK',
  'en',
  'USDT',
  'abc',
  'A',
  'a1',
  SAMPLE_UUID,
  '2026-01-01T00:00:00.000Z',
  'https://example.org/',
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '+85218222',
  'a long enough password',
];

function sampleString(schema: JsonSchema): string {
  if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format] as string;
  const fits = (candidate: string) =>
    (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(candidate)) &&
    candidate.length >= (schema.minLength ?? 0) &&
    candidate.length <= (schema.maxLength ?? Infinity);
  return CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

function sampleNumber(schema: JsonSchema): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  return schema.maximum !== undefined ? Math.min(low, schema.maximum) : low;
}

export function sampleOf(schema: JsonSchema, depth = 0): unknown {
  if (depth > 12) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const branch = branches.find((b) => b.type !== 'null') ?? branches[0];
    return branch ? sampleOf(branch, depth + 1) : null;
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
      return Math.ceil(sampleNumber(schema));
    case 'number':
      return sampleNumber(schema);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        sampleOf(schema.items ?? {}, depth + 1),
      );
    case 'object':
    case undefined: {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        value[name] = sampleOf(schema.properties?.[name] ?? {}, depth + 1);
      return value;
    }
    default:
      return null;
  }
}

/** Where strings sit in a value (JSON pointers as arrays of keys), to put a hostile one in their place. */
export function stringPaths(
  value: unknown,
  path: Array<string | number> = [],
): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]));
  return [];
}

/** A copy of value with the thing at path replaced (the root when path is empty). */
export function replaceAt(
  value: unknown,
  path: ReadonlyArray<string | number>,
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
}

/** Every path to an object or array in value, the root included: places to put a hostile child. */
export function containerPaths(
  value: unknown,
  path: Array<string | number> = [],
): Array<Array<string | number>> {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => containerPaths(item, [...path, i]))];
  if (value !== null && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([key, child]) => containerPaths(child, [...path, key]))];
  return [];
}

import { idProblem } from './ids.js';
import { STIX_OBSERVABLE_TYPES } from './observables.js';
import { parseTimestamp } from './timestamps.js';

export type StixObject = Record<string, unknown>;

/** A problem with one property of one object, named by its JSON path in the bundle (objects/3/id). */
export interface StixProblem {
  field: string;
  message: string;
}
export type AddProblem = (field: string, message: string) => void;

/** STIX 2.1 §4–5: the domain and relationship objects, all versioned with created and modified. */
const VERSIONED_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
  'relationship',
  'sighting',
  'language-content',
  'extension-definition',
];

// §3.1: lowercase ASCII letters, digits and single hyphens, 3 to 250 characters, starting with a letter.
const TYPE_NAME = /^[a-z][a-z0-9-]{1,248}[a-z0-9]$/;
// §3.1 and §11.1: property names are lowercase ASCII letters, digits and underscores, 3 to 250 long
// (id is the one predefined name shorter than that).
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;

export const isStixObject = (value: unknown): value is StixObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks what STIX 2.1 requires of every object of its kind: a valid type, id `<type>--<UUID>`,
 * spec_version 2.1, created ≤ modified for versioned objects, property names in the spec's
 * alphabet. Returns the type when it is a valid type name.
 */
export function checkCommonProperties(object: StixObject, path: string, add: AddProblem): string | undefined {
  const type = object.type;
  if (typeof type !== 'string' || !TYPE_NAME.test(type) || type.includes('--')) {
    add(`${path}/type`, 'is required: a STIX type name (lowercase letters, digits and single hyphens)');
    return undefined;
  }
  for (const name of Object.keys(object))
    if (name !== 'id' && !PROPERTY_NAME.test(name))
      add(`${path}/${name}`, 'is not a STIX property name (3 to 250 lowercase letters, digits or _)');
  const idProblemText = idProblem(object.id, type);
  if (idProblemText) add(`${path}/id`, idProblemText);
  const observable = (STIX_OBSERVABLE_TYPES as readonly string[]).includes(type);
  const versioned = VERSIONED_TYPES.includes(type);
  // SCOs may leave spec_version out (it defaults to 2.1); the spec's other objects must state it.
  const known = versioned || type === 'marking-definition';
  if (object.spec_version !== '2.1' && (object.spec_version !== undefined || (known && !observable)))
    add(`${path}/spec_version`, 'must be "2.1"');
  const created = parseTimestamp(object.created);
  const modified = parseTimestamp(object.modified);
  if ((versioned || type === 'marking-definition' || object.created !== undefined) && created === undefined)
    add(`${path}/created`, timestampProblem(object.created));
  if ((versioned || object.modified !== undefined) && modified === undefined)
    add(`${path}/modified`, timestampProblem(object.modified));
  if (created !== undefined && modified !== undefined && modified < created)
    add(`${path}/modified`, 'is before created; a version cannot predate the object');
  if (object.revoked !== undefined && typeof object.revoked !== 'boolean')
    add(`${path}/revoked`, 'must be true or false');
  return type;
}

export const timestampProblem = (value: unknown): string =>
  value === undefined
    ? 'is required: a UTC timestamp (RFC 3339, ending in Z)'
    : 'is not a UTC timestamp (RFC 3339, ending in Z)';

import { v5 as uuidv5 } from 'uuid';

/**
 * caveat's UUIDv5 namespace for STIX ids. Fixed for ever: an indicator's id is derived from its key
 * in it, so every export (from any instance, at any time) names the same indicator with the same id
 * and a re-import is recognised. STIX 2.1 says SDOs SHOULD use UUIDv4; this is the one deliberate
 * departure, for the same reason the spec itself gives SCOs UUIDv5 ids.
 */
export const CAVEAT_STIX_NAMESPACE = '5e885f19-1bb2-46dd-85cd-422afa66b812';

export const indicatorIdOf = (key: string): string => `indicator--${uuidv5(key, CAVEAT_STIX_NAMESPACE)}`;

// RFC 4122: any version, the RFC 4122 variant (8, 9, a or b), as STIX 2.1 §2.9 requires.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Why a value is not a STIX identifier of the given type (`<type>--<UUID>`), or undefined if it is. */
export function idProblem(id: unknown, type: string): string | undefined {
  if (typeof id !== 'string') return 'is required: a STIX identifier <type>--<UUID>';
  const [prefix, uuid, ...rest] = id.split('--');
  if (rest.length > 0 || uuid === undefined || !UUID.test(uuid))
    return `${JSON.stringify(id)} is not <type>--<UUID> with an RFC 4122 UUID`;
  if (prefix !== type) return `${JSON.stringify(id)} must start with ${type}-- (the object's type)`;
  return undefined;
}

/** The type part of a reference, if it is a well-formed identifier. */
export function typeOfRef(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const [prefix, uuid, ...rest] = ref.split('--');
  return rest.length === 0 && prefix && uuid && UUID.test(uuid) ? prefix : undefined;
}

import type { AddProblem, StixObject } from './common.js';
import { typeOfRef } from './ids.js';

export interface Relationship {
  type: string;
  source: string;
  target: string;
}

/** A relationship (§5.1): its type and the two ends, both required and both identifiers. */
export function readRelationship(
  object: StixObject,
  path: string,
  add: AddProblem,
): Relationship | undefined {
  const type = object.relationship_type;
  let valid = true;
  if (typeof type !== 'string' || !/^[a-z0-9-]{1,250}$/.test(type)) {
    add(`${path}/relationship_type`, 'is required: lowercase letters, digits and hyphens');
    valid = false;
  }
  for (const end of ['source_ref', 'target_ref'] as const)
    if (!typeOfRef(object[end])) {
      add(`${path}/${end}`, 'is required: the id (<type>--<UUID>) of an object');
      valid = false;
    }
  return valid
    ? { type: type as string, source: object.source_ref as string, target: object.target_ref as string }
    : undefined;
}

/** A sighting (§5.2) names what was sighted; caveat keeps nothing of it but checks it is well formed. */
export function checkSighting(object: StixObject, path: string, add: AddProblem): void {
  if (!typeOfRef(object.sighting_of_ref))
    add(`${path}/sighting_of_ref`, 'is required: the id (<type>--<UUID>) of what was sighted');
}

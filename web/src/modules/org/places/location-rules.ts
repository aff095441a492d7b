import { ALLOWED_PARENTS } from '@server/modules/org/schema.ts';
import { LOCATION_TYPES, type LocationType } from './location-model.ts';

// The server's tree rules (schema.ts), for the pages that edit the tree only:
// the label sheet and the QR landing page do without zod.
export { ALLOWED_PARENTS };

/** The types that may sit under a parent of this type (null: directly under the site). */
export function childTypes(parent: LocationType | null): LocationType[] {
  return LOCATION_TYPES.filter((t) => ALLOWED_PARENTS[t].includes(parent));
}

/** What a person most likely adds under a node: building → floor → room. */
export function defaultChildType(parent: LocationType | null): LocationType {
  const preferred: Record<string, LocationType> = {
    root: 'building',
    building: 'floor',
    floor: 'room',
    area: 'room',
  };
  const allowed = childTypes(parent);
  const want = preferred[parent ?? 'root'];
  return want && allowed.includes(want) ? want : (allowed[0] ?? 'area');
}

export function canHaveChildren(type: LocationType): boolean {
  return childTypes(type).length > 0;
}

export function mayMoveUnder(type: LocationType, parent: LocationType | null): boolean {
  return ALLOWED_PARENTS[type].includes(parent);
}

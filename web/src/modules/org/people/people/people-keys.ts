/** The cache key of everything people: lists and single records. */
export const PEOPLE_KEY = ['people'] as const;

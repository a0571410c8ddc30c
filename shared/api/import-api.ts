/**
 * Api methods of import, datasets, boundaries and record queries (issue: data import).
 * Owned by the import work; extend here.
 */
export const importMethods = {};

/**
 * Api methods of problem profiles, slides and exports (issue: profiles and slides).
 * Owned by the profile work; extend here.
 */
export const profileMethods = {};

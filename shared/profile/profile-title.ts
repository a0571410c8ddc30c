/**
 * The profile's title and the noun its sentences use, from the categories in scope (issue 10 item 9:
 * "the title follows the categories in scope"):
 *
 *   category subject Burglary                 "Problem profile: Burglary"
 *   area Castle ward, only Burglary in scope  "Problem profile: Burglary in Castle ward"
 *   hotspot 1, Burglary and Robbery           "Problem profile: Burglary and Robbery in hotspot 1 (Castle)"
 *   area Castle ward, six categories          "Problem profile: crime and incidents in Castle ward"
 *
 * The categories are those with records in the period (`byCategory`); an analyst's own title wins.
 */
import { listInWords } from './format.js';
import { hotspotPlace } from './hotspot-words.js';
import type { ProfileInputs } from './model.js';

/** More categories than this are named as "crime and incidents". */
const MAX_NAMED_CATEGORIES = 3;

function pluralOf(name: string): string | null {
  if (/^[A-Za-z]+y$/.test(name) && !/[aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/^[A-Za-z]+$/.test(name)) return `${name} offences`;
  return null;
}

/** The single category the profile is about: its subject's, or the only one with records. */
function singleCategory(inputs: ProfileInputs): string | null {
  if (inputs.subject.kind === 'category') return inputs.subject.name.trim();
  return inputs.byCategory.length === 1 ? inputs.byCategory[0]!.category : null;
}

/** The plural noun for sentences: "Burglaries" for a Burglary profile, else "Events". */
export function subjectNoun(inputs: ProfileInputs): string {
  const name = singleCategory(inputs);
  if (name === null) return 'Events';
  return pluralOf(name) ?? `${name} events`;
}

/** "Burglary", "Burglary and Robbery", "crime and incidents". */
export function categoriesInWords(inputs: ProfileInputs): string {
  const single = singleCategory(inputs);
  if (single !== null) return single;
  const names = inputs.byCategory.map((c) => c.category);
  if (names.length === 0 || names.length > MAX_NAMED_CATEGORIES) return 'crime and incidents';
  return listInWords(names);
}

/** Where the profile is about, for the title: "Castle ward", "hotspot 1", "chain 3", or null. */
function placeOf(inputs: ProfileInputs): string | null {
  switch (inputs.subject.kind) {
    case 'area':
      return inputs.subject.name;
    case 'hotspot': {
      const rank = inputs.subject.rank;
      const h = inputs.kde?.hotspots.find((x) => x.rank === rank);
      const place = h ? hotspotPlace(h).replace(/^around /, '') : '';
      return place ? `hotspot ${rank} (${place})` : `hotspot ${rank}`;
    }
    case 'chain':
      return `near-repeat chain ${inputs.subject.id}`;
    case 'category':
      return null;
  }
}

export function generatedTitle(inputs: ProfileInputs): string {
  const place = placeOf(inputs);
  const what = categoriesInWords(inputs);
  return `Problem profile: ${what.charAt(0).toUpperCase()}${what.slice(1)}${place ? ` in ${place}` : ''}`;
}

/**
 * The title to print: the analyst's own, or the generated one when the title is empty or the
 * engine's placeholder "Problem profile: <subject label>".
 */
export function profileTitle(inputs: ProfileInputs): string {
  const own = inputs.front.title.trim();
  if (own === '' || own === `Problem profile: ${inputs.subjectLabel}`) return generatedTitle(inputs);
  return own;
}

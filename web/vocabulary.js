// The words that cross encart's layers, from the one table the C++ core is generated from
// (src/common/vocabulary.json; esbuild inlines it): error codes, views windows, related settings.

import vocabulary from '../src/common/vocabulary.json';

/**
 * Every error code by name, `CODES.bad_option === 'bad_option'`: adding one is an edit of
 * vocabulary.json, and tests/wasm/vocabulary.test.cjs checks encart.d.ts and docs/api.md list it.
 * @type {{readonly [K in (typeof vocabulary.errors)[number]['code']]: string}}
 */
export const CODES = Object.freeze(Object.fromEntries(vocabulary.errors.map((e) => [e.code, e.code])));

/** Views windows by their API name: 'all', '24h', '7d', '30d'. */
export const WINDOWS = Object.freeze(vocabulary.windows.map((w) => w.name));

/**
 * @typedef {object} RelatedSetting
 * @property {string} name  in a bundle's "related" object ("min_score")
 * @property {string} js  in the API's settings object ("minScore")
 * @property {string} [group]  "weights": then inside `settings.weights`, set by the group's attribute
 * @property {string} [attribute]  on <encart-sidebar> ("related-min-score")
 * @property {string} kind  'number', 'count' or 'flag'
 */

/** @type {readonly RelatedSetting[]} */
export const RELATED_SETTINGS = Object.freeze(
  vocabulary.related_settings.map((s) => ({ ...s, js: 'js' in s ? s.js : s.name })),
);

/** @type {readonly {name: string, attribute: string}[]} */
export const RELATED_GROUPS = Object.freeze(vocabulary.related_groups);

/** The element's related attributes: each setting's own, and each group's ("related-weights"). */
export const RELATED_ATTRIBUTES = Object.freeze([
  ...RELATED_GROUPS.map((g) => g.attribute),
  ...RELATED_SETTINGS.filter((s) => !s.group).map((s) => s.attribute),
]);

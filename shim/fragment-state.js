// The widget's filter state in the page URL's fragment (the sync-url attribute).
import { WINDOWS } from '../web/vocabulary.js';

// Filter state in the page URL's fragment ("#encart=q%3Ds%C3%A9cu%26category%3DPolitique"), so
// a filtered sidebar survives a reload and can be shared. The host page's own fragment always
// wins: a fragment that is not ours is never overwritten. replaceState: no scroll, no history
// entry per keystroke.
// With the filters, the tabs layout's selected tab and the most-read period; each is written
// only when it differs from the default ("latest", the page's most-read-window).
const STATE_FIELDS = ['q', 'category', 'author', 'date', 'tab', 'window'];

const DATE_VALUES = ['', 'today', '7d', '30d'];
const TABS = ['latest', 'mostRead'];
// Fields the fragment may carry only from a short list: anything else is ignored.
const STATE_VALUES = { date: DATE_VALUES, tab: TABS, window: WINDOWS };
export const NO_FILTERS = { q: '', category: '', author: '', date: '' };

// Anyone can edit a link: values are cut short, control characters dropped, an unknown date
// preset ignored, so a hand-made fragment can never leave the widget unusable.
export function readFragmentState(key) {
  const prefix = `#${key}=`;
  if (!location.hash.startsWith(prefix)) return null;
  const params = new URLSearchParams(location.hash.slice(prefix.length));
  const state = {};
  for (const field of STATE_FIELDS) {
    if (!params.has(field)) continue;
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    const value = params.get(field).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
    if (!STATE_VALUES[field] || STATE_VALUES[field].includes(value)) state[field] = value;
  }
  return state;
}

export function writeFragmentState(key, state) {
  const hash = location.hash;
  if (hash && hash !== '#' && !hash.startsWith(`#${key}=`)) return;
  const params = new URLSearchParams();
  for (const field of STATE_FIELDS) {
    if (state[field]) params.set(field, state[field]);
  }
  const fragment = params.toString() ? `#${key}=${params.toString()}` : '';
  if (fragment === hash || (!fragment && !hash)) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment}`);
}

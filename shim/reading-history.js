// The reader's history for the `history` attribute: the ids of the articles opened on this site,
// newest first, kept in this browser only (localStorage) and never sent anywhere. The core marks
// them "already read" and puts them last in "related". Storage can be missing or refuse every
// call (a sandboxed frame, blocked cookies, a full quota): then the widget simply has no history.

const STORAGE_KEY = 'encart:reading-history:v1';
export const MAX_HISTORY = 200; // the most recent ids; older ones are forgotten
const MAX_ID_LENGTH = 1024; // the bundle's own limit on ids (docs/bundle.md)

function storage() {
  try {
    return window.localStorage || null; // the getter itself throws where storage is blocked
  } catch {
    return null;
  }
}

/**
 * The stored ids, newest first; null where storage is unavailable. A value another script or
 * an older page wrote in another shape counts as an empty history.
 * @returns {string[] | null}
 */
export function readHistory() {
  const store = storage();
  if (!store) return null;
  try {
    const raw = store.getItem(STORAGE_KEY);
    const list = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list.filter((id) => typeof id === 'string' && id.length <= MAX_ID_LENGTH).slice(0, MAX_HISTORY);
  } catch {
    return storage() ? [] : null;
  }
}

/**
 * Puts `id` first (once) and keeps the MAX_HISTORY most recent; returns the new list, or null
 * where storage is unavailable.
 * @param {string} id
 * @returns {string[] | null}
 */
export function recordRead(id) {
  const list = readHistory();
  if (list === null) return null;
  const next = [id, ...list.filter((other) => other !== id)].slice(0, MAX_HISTORY);
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
    return next;
  } catch {
    return list; // a full or read-only store: the page goes on with what it had
  }
}

/** Forgets the whole history; false where storage is unavailable. */
export function clearHistory() {
  try {
    const store = storage();
    store?.removeItem(STORAGE_KEY);
    return Boolean(store);
  } catch {
    return false;
  }
}

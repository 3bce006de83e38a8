// The controls around the lists: the tabs layout's WAI-ARIA tabs (automatic activation) and the
// most-read period buttons.

/**
 * The index of the tab a key moves to among `tabs`, or -1 for another key: arrows to the next or
 * previous tab (reversed in right-to-left text, where the next tab is on the left), Home and End
 * to the first and last.
 * @param {string} key
 * @param {number} at the focused tab's index
 * @param {number} count
 * @param {boolean} rtl
 */
export function tabKeyTarget(key, at, count, rtl) {
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[key];
  if (step) return (at + step + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return -1;
}

/**
 * Selection, roving tabindex and panels follow `selected`.
 * @param {ShadowRoot} root
 * @param {string} selected
 */
export function showTabs(root, selected) {
  for (const tab of root.querySelectorAll('[role="tab"]')) {
    const on = /** @type {HTMLElement} */ (tab).dataset.tab === selected;
    tab.setAttribute('aria-selected', String(on));
    /** @type {HTMLElement} */ (tab).tabIndex = on ? 0 : -1;
    root.getElementById(/** @type {string} */ (tab.getAttribute('aria-controls'))).hidden = !on;
  }
}

/**
 * The period control: the windows with counts and "all", the one ranked by pressed; no control
 * when "all" is the only one (or a pack's partial answer has none yet). Whether it shows.
 * @param {HTMLElement | null} group
 * @param {{windows?: string[], window?: string}} view
 */
export function showPeriods(group, view) {
  if (!group || !Array.isArray(view.windows)) return false;
  const windows = view.windows;
  const periods = windows.some((w) => w !== 'all');
  group.hidden = !periods;
  for (const button of group.querySelectorAll('[data-window]')) {
    const name = /** @type {HTMLElement} */ (button).dataset.window || '';
    /** @type {HTMLElement} */ (button).hidden = name !== 'all' && !windows.includes(name);
    button.setAttribute('aria-pressed', String(name === view.window));
  }
  return periods;
}

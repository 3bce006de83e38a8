// Registration and the script-tag embed. Safe to run more than once: a page may carry several
// <script src=".../encart.js" data-bundle=...> tags, each evaluating this file.

function defineElements() {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('encart-sidebar')) customElements.define('encart-sidebar', EncartSidebarElement);
}

const SCRIPT_SETTINGS = ['bundle', 'article', 'lang', 'limit'];

// <script data-bundle="/articles.json" data-article="ID" data-lang="fr" [data-target="#id"]>:
// an <encart-sidebar> where the script stands, or inside the element data-target names.
function mountScript(script) {
  if (!script || !script.dataset || !script.dataset.bundle || 'encartMounted' in script.dataset) return;
  script.dataset.encartMounted = '';
  const element = document.createElement('encart-sidebar');
  for (const name of SCRIPT_SETTINGS) {
    if (script.dataset[name] !== undefined) element.setAttribute(name, script.dataset[name]);
  }
  const selector = script.dataset.target;
  if (selector) {
    let target = null;
    try {
      target = document.querySelector(selector);
    } catch (error) {
      // An invalid selector is reported below like a missing element.
    }
    if (!target) {
      console.error(`[encart] data-target "${selector}" matches no element; the sidebar is placed after the script`);
    } else {
      target.append(element);
      return;
    }
  }
  script.after(element);
}

function mountScripts() {
  if (typeof document === 'undefined') return;
  if (document.currentScript) mountScript(document.currentScript);
  // Scripts that ran before the DOM was ready, or were inserted without currentScript.
  for (const script of document.querySelectorAll('script[data-bundle]')) {
    if (/encart(\.min)?\.js(\?|#|$)/.test(script.src)) mountScript(script);
  }
}

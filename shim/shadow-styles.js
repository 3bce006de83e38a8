// The widget's stylesheet in a shadow root: one constructed sheet shared by every widget of the
// page (allowed without 'unsafe-inline'), or a <style> element where constructed sheets are
// missing.
import ENCART_CSS from './styles.css';

let sheet = null;

/** @param {ShadowRoot} root */
export function styleShadowRoot(root) {
  if (!sheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(ENCART_CSS);
  }
  if (sheet) {
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = ENCART_CSS;
  root.append(style);
}

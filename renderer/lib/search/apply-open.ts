/**
 * Narrows the view a find was opened in (see OpenItem in renderer/stores/app.ts) through its own
 * controls, as the user would: the view's account picker is set to the find's account, then its search
 * box gets the text. The user sees what the view is filtered by and clears it like any search. The
 * views keep their filters as their own state, so this is done on the controls once the view (a lazy
 * chunk, and a search box that shows only once its account's data is there) is on screen.
 */
import type { OpenItem } from '../../stores/app';

/** Sets a React-controlled control's value and lets React see it (the setter React does not track). */
function setValue(el: HTMLInputElement | HTMLSelectElement, value: string, event: 'input' | 'change'): void {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

/** The view's account picker: a select in the main area offering this account. */
function accountPicker(root: ParentNode, accountId: string): HTMLSelectElement | null {
  for (const sel of root.querySelectorAll<HTMLSelectElement>('select')) {
    if ([...sel.options].some((o) => o.value === accountId && o.value !== 'all')) return sel;
  }
  return null;
}

/** Tries for up to `ms` (animation frames); stops at once when the item is applied. Returns a canceller. */
export function applyOpened(item: OpenItem, root: () => ParentNode | null, ms = 3000): () => void {
  const needAccount = item.view !== 'ips' && item.view !== 'accounts' && item.accountId !== undefined;
  let accountDone = !needAccount;
  let textDone = item.text === undefined;
  const until = performance.now() + ms;
  let frame = 0;
  const step = () => {
    const main = root();
    if (main && !accountDone && item.accountId) {
      const sel = accountPicker(main, item.accountId);
      if (sel) {
        if (sel.value !== item.accountId) setValue(sel, item.accountId, 'change');
        accountDone = true;
      }
    }
    // The text goes in only once the account is picked (the box may belong to the account's list).
    if (main && accountDone && !textDone && item.text !== undefined) {
      const box = main.querySelector<HTMLInputElement>('input[type="search"]');
      if (box) {
        if (box.value !== item.text) setValue(box, item.text, 'input');
        textDone = true;
      }
    }
    if (accountDone && textDone) return;
    if (performance.now() < until) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}

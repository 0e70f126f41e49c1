// Long lists drawn a batch at a time. A summary can hold tens of thousands of groups, numbers
// or problems; drawing them all at once blocks the main thread for seconds, so each list
// draws its first batch and a "Show more" button that draws the next one on demand.
import { h } from './dom.js';

/**
 * Fills `list` (an element) with the first `size` of `items` drawn by `draw(item, index)`,
 * and returns the nodes to place after it: a button drawing the next batch while any remain.
 * `noun(n)` names n items ("groups", "numbers") for the button's label.
 */
export function drawInBatches(list, items, draw, { size, noun }) {
  let drawn = 0;
  const button = h('button', { type: 'button', class: 'btn show-more' });
  const next = () => {
    const end = Math.min(items.length, drawn + size);
    const nodes = [];
    for (let i = drawn; i < end; i++) nodes.push(draw(items[i], i));
    list.append(...nodes);
    drawn = end;
    const left = items.length - drawn;
    if (left === 0) {
      // The focus stays on the list rather than falling back to the document.
      if (button.isConnected && button.matches(':focus')) (list.lastElementChild ?? list).focus?.();
      button.remove();
      return;
    }
    button.textContent = `Show ${Math.min(size, left).toLocaleString('en-US')} more (${left.toLocaleString('en-US')} ${noun(left)} not shown)`;
  };
  button.addEventListener('click', next);
  next();
  return drawn < items.length ? [button] : [];
}

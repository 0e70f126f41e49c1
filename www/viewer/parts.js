// A summary crosses from the worker to the page in parts. Receiving one message costs the
// main thread the time to rebuild the whole object: a log of 40,000 groups and numbers made
// that one task of over half a second. Sent as slices of its long lists, each slice is
// rebuilt in its own short task, and the page stays responsive while they arrive.

/** The lists of a summary that can be long, and the weight of one entry (about its size). */
const LISTS = {
  groups: (g) => 1 + g.net.added.length + g.net.removed.length + g.net.changed.length + g.net.transient.length,
  numbers: (n) => 1 + n.timeline.length,
  problems: (p) => 1 + p.issues.length,
  duplicateItems: () => 1,
  outOfOrderItems: () => 1,
};
/** The most weight one message carries: a few milliseconds of rebuilding. */
const PART_WEIGHT = 2_000;

/**
 * Worker side: posts `result`'s long summary lists as {type: 'part', id, key, items}
 * messages, then calls `post` with the result whose lists are left empty (to be refilled).
 */
export function postInParts(id, result, post) {
  const summary = result.summary;
  if (!summary) return post(result);
  const rest = { ...summary };
  for (const [key, weigh] of Object.entries(LISTS)) {
    const list = summary[key];
    if (!Array.isArray(list) || list.length === 0) continue;
    rest[key] = [];
    let start = 0;
    let weight = 0;
    for (let i = 0; i < list.length; i++) {
      weight += weigh(list[i]);
      if (weight >= PART_WEIGHT || i === list.length - 1) {
        self.postMessage({ type: 'part', id, key, items: list.slice(start, i + 1) });
        start = i + 1;
        weight = 0;
      }
    }
  }
  return post({ ...result, summary: rest });
}

/** Page side: collects the parts of one result and puts them back in place. */
export class Assembly {
  #lists = new Map();

  add(key, items) {
    const list = this.#lists.get(key);
    if (list) for (const item of items) list.push(item);
    else this.#lists.set(key, items);
  }

  /** `result` with its summary's lists refilled from the parts received. */
  complete(result) {
    if (!result.summary) return result;
    for (const [key, list] of this.#lists) result.summary[key] = list;
    return result;
  }
}

// Timing helpers shared by run.mjs and corpora.mjs.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `fn` over `items`, the whole list repeated for at least `minMs`: calls per second. */
export function eventsPerSecond(fn, items, minMs) {
  let count = 0;
  const t0 = performance.now();
  let t;
  do {
    for (let i = 0; i < items.length; i++) fn(items[i]);
    count += items.length;
    t = performance.now() - t0;
  } while (t < minMs);
  return (count / t) * 1000;
}

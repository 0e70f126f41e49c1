// The "Events over time" chart of a log: one row per number, one marker per event, as SVG
// sized to the width it is given (redrawn when that width changes).
import { h, s } from './dom.js';
import { EFFECT_LABELS, plural, shortTime } from './format.js';

const MAX_CHART_ROWS = 40;
/** A small number per effect, to key a chart marker by slice and effect without a string. */
const EFFECT_ORDER = { added: 0, removed: 1, convertedIn: 2, reassignedAway: 3, updated: 4 };
/** Markers per effect on one chart row, however many events it has. */
const MAX_CHART_MARKS = 120;

/**
 * A number's timeline times in ms, parsed once per number (the chart redraws on every
 * resize) and once per distinct time (a log's items often share one): Date.parse on each
 * of 40k entries, twice, was most of a 0.7 s chart.
 */
const parsedTimes = new WeakMap();
function timesOf(number) {
  let ts = parsedTimes.get(number);
  if (ts) return ts;
  ts = new Float64Array(number.timeline.length);
  let lastText = null;
  let last = NaN;
  number.timeline.forEach((e, k) => {
    if (e.time !== lastText) {
      lastText = e.time;
      last = Date.parse(e.time);
    }
    ts[k] = last;
  });
  parsedTimes.set(number, ts);
  return ts;
}

export class EventChart {
  #numbers;

  /** @param {Array<object>} numbers a summary's `numbers` */
  constructor(numbers) {
    this.#numbers = numbers;
    /** The element to place in the results; filled by draw(). */
    this.element = h('div', { class: 'chart' });
  }

  /** Draws the chart at the element's width, unless it is already drawn at that width. */
  draw() {
    const host = this.element;
    if (!host.isConnected) return;
    const width = Math.max(280, Math.floor(host.clientWidth));
    if (host.dataset.width === String(width) && host.firstChild) return;
    host.dataset.width = String(width);
    const all = this.#numbers;
    const numbers = [...all]
      .sort((a, b) => b.timeline.length - a.timeline.length)
      .slice(0, MAX_CHART_ROWS)
      .sort((a, b) => Date.parse(a.timeline[0]?.time) - Date.parse(b.timeline[0]?.time));
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const n of numbers) {
      for (const t of timesOf(n)) {
        if (t < t0) t0 = t;
        if (t > t1) t1 = t;
      }
    }
    if (!Number.isFinite(t0)) return host.replaceChildren();
    if (t1 - t0 < 60_000) {
      t0 -= 30_000;
      t1 += 30_000;
    }
    const narrow = width < 480;
    const labelW = narrow ? 104 : 130;
    const left = labelW + 8;
    const right = 14;
    const rowH = 26;
    const top = 8;
    const axisH = 26;
    const height = top + numbers.length * rowH + axisH;
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart-svg',
      'aria-label': `Events over time for ${plural(numbers.length, 'number')}` });

    // Time axis with round ticks (UTC).
    const span = t1 - t0;
    const MIN = 60_000;
    const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MIN);
    const want = narrow ? 3 : 6;
    const step = steps.find((st) => span / st <= want) ?? steps[steps.length - 1];
    const multiDay = span > 36 * 3600_000;
    const axisY = top + numbers.length * rowH + 4;
    svg.append(s('line', { x1: left, x2: width - right, y1: axisY, y2: axisY, class: 'axis' }));
    for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      const iso = new Date(t).toISOString();
      const label = multiDay ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
      const tx = x(t);
      const anchor = tx - left < 20 ? 'start' : width - right - tx < 20 ? 'end' : 'middle';
      svg.append(
        s('line', { x1: tx, x2: tx, y1: top, y2: axisY + 4, class: 'grid' }),
        s('text', { x: tx, y: axisY + 18, class: 'tick', 'text-anchor': anchor }, label));
    }
    const day0 = new Date(t0).toISOString().slice(0, 10);
    svg.append(s('text', { x: labelW, y: axisY + 18, class: 'tick', 'text-anchor': 'end' }, multiDay ? 'UTC' : `${day0} UTC`));

    numbers.forEach((n, row) => svg.append(chartRow(n, top + row * rowH + rowH / 2, { x, labelW, slice: Math.max(1, (width - left - right) / MAX_CHART_MARKS), left })));

    const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
      ['added', 'convertedIn', 'updated', 'reassignedAway', 'removed'].map((e) =>
        h('li', {}, h('span', { class: `swatch ${e}`, 'aria-hidden': 'true' }), EFFECT_LABELS[e])));
    const more = all.length > numbers.length
      ? h('p', { class: 'more', text: `Showing the ${numbers.length} busiest of ${all.length} numbers.` }) : null;
    host.replaceChildren(svg, legend, ...(more ? [more] : []));
  }
}

/** One number's row: its label, its track, and its markers. */
function chartRow(n, cy, { x, labelW, slice, left }) {
  const ts = timesOf(n);
  const g = s('g', { class: 'row' });
  g.append(s('text', { x: labelW, y: cy + 4, class: 'label', 'text-anchor': 'end' }, n.phoneNumber));
  const lo = ts.reduce((a, b) => (b < a ? b : a), Infinity);
  const hi = ts.reduce((a, b) => (b > a ? b : a), -Infinity);
  g.append(s('line', { x1: x(lo), x2: x(hi), y1: cy, y2: cy, class: 'track' }));
  // Thousands of events on one row: one marker per effect in each of MAX_CHART_MARKS
  // slices of the row, its title counting the events it stands for. (One per pixel made
  // 48k SVG nodes and a 0.7 s task for a 24 MB log of few numbers.)
  const marks = new Map();
  const timeline = n.timeline;
  for (let k = 0; k < timeline.length; k++) {
    const t = timeline[k];
    const cx = x(ts[k]);
    const key = Math.floor((cx - left) / slice) * 8 + (EFFECT_ORDER[t.effect] ?? 7);
    const m = marks.get(key);
    if (m) m.more++;
    else marks.set(key, { t, cx, more: 0 });
  }
  for (const { t, cx, more } of marks.values()) {
    const also = more ? ` (and ${plural(more, 'more event')} like it nearby)` : '';
    const title = s('title', {}, `${n.phoneNumber}: ${t.eventType} (${EFFECT_LABELS[t.effect] ?? t.effect}) at ${shortTime(t.time)} UTC, line ${t.line}${also}`);
    let mark;
    if (t.effect === 'added') mark = s('circle', { cx, cy, r: 6 });
    else if (t.effect === 'removed') mark = s('rect', { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11 });
    else if (t.effect === 'reassignedAway') mark = s('path', { d: `M${cx - 6} ${cy - 5} L${cx + 6} ${cy - 5} L${cx} ${cy + 6} Z` });
    else if (t.effect === 'updated') mark = s('circle', { cx, cy, r: 4 });
    else mark = s('path', { d: `M${cx} ${cy - 7} L${cx + 7} ${cy} L${cx} ${cy + 7} L${cx - 7} ${cy} Z` });
    mark.setAttribute('class', `mark ${t.effect}`);
    mark.append(title);
    g.append(mark);
  }
  return g;
}

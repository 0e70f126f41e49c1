// The report exports: the shown result as Text, Markdown, CSV or JSON, copied to the
// clipboard or downloaded. JSON comes from the result itself, a log's text from its summary;
// everything else is rendered by the package (escaped and defused there) when first asked.
import { h } from './dom.js';
import { asJson } from './format.js';

/** The renderings of one shown result, made on demand and kept by format. */
export class Renderings {
  #result;
  /** What the result checked ({input, strict}), for the package to render again. */
  #checked;
  #byFormat = new Map();

  constructor(result, checked) {
    this.#result = result;
    this.#checked = checked;
  }

  /** Whether `format` is rendered already (no wait). */
  has(format) {
    return this.#byFormat.has(format);
  }

  /** The result as `format`: {text, outputTruncated}. `client` renders what the package must. */
  async render(format, client) {
    const cached = this.#byFormat.get(format);
    if (cached) return cached;
    const result = this.#result;
    if (format === 'json') return { text: asJson(result), outputTruncated: result.summary?.outputTruncated ?? false };
    if (format === 'text' && result.mode === 'log') return { text: result.summary.text, outputTruncated: result.summary.outputTruncated };
    return client.render(this.#checked.input, this.#checked.strict, result.mode, format);
  }

  /** Keeps a rendering once it is known to be about the text still shown. */
  keep(format, out) {
    this.#byFormat.set(format, out);
  }
}

/**
 * Copies `text`; `root` hosts the fallback's temporary textarea, after which `restoreFocus`
 * puts the focus back. Resolves true if copied.
 */
export async function copyText(root, text, restoreFocus) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for browsers or frames without the async clipboard.
    const tmp = h('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
    tmp.value = text;
    root.append(tmp);
    tmp.select();
    let ok;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    tmp.remove();
    restoreFocus();
    return ok;
  }
}

/** Downloads `text` as `filename`; `root` hosts the temporary link. */
export function downloadText(root, text, filename, mime) {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

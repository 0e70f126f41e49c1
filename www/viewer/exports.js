// The report exports: the shown result as Text, Markdown, CSV or JSON, copied to the
// clipboard or downloaded. JSON comes from the result itself, a log's text from its summary;
// everything else is rendered by the package (escaped and defused there) when first asked.
import { h } from './dom.js';
import { asJson } from './format.js';
import { renderingKey } from './redact.js';

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

  /** Whether `format` (redacted or not) is rendered already (no wait). */
  has(format, redact = false) {
    return this.#byFormat.has(renderingKey(format, redact));
  }

  /**
   * The result as `format`: {text, outputTruncated}, with phone numbers masked by the package
   * when `redact`. `client` renders what the package must.
   */
  async render(format, client, redact = false) {
    const cached = this.#byFormat.get(renderingKey(format, redact));
    if (cached) return cached;
    const result = this.#result;
    if (format === 'json') return { text: asJson(result), outputTruncated: result.summary?.outputTruncated ?? false };
    if (format === 'text' && result.mode === 'log' && !redact) return { text: result.summary.text, outputTruncated: result.summary.outputTruncated };
    return client.render(this.#checked.input, this.#checked.strict, result.mode, format, redact);
  }

  /** Keeps a rendering once it is known to be about the text still shown. */
  keep(format, out, redact = false) {
    this.#byFormat.set(renderingKey(format, redact), out);
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

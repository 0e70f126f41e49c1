// Opening a file: read with progress, then decided how the editor shows it. Files over
// PREVIEW_FILE_BYTES are checked whole but shown as a read-only preview; files that are not
// UTF-8 are checked as the bytes they hold.
import { formatBytes } from './format.js';

/** Files larger than this are checked whole but shown as a read-only preview. */
const PREVIEW_FILE_BYTES = 4 * 1024 * 1024;
const PREVIEW_CHARS = 512 * 1024;

/** The file's bytes; `onProgress(fraction)` as they arrive. */
export function readFileWithProgress(file, onProgress) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * How the editor shows a file's bytes: `text` to show, `source` ({bytes, name}: check these
 * bytes rather than the text shown) or null, `preview` ({name, size}) or null, and `note`
 * for the user ('' for none).
 */
export function fileView(bytes, name) {
  let text = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8 (UTF-16, Latin-1...): the validator reads the bytes and says so.
  }
  if (bytes.byteLength > PREVIEW_FILE_BYTES) {
    const head = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, PREVIEW_CHARS * 2)).slice(0, PREVIEW_CHARS);
    const cut = head.lastIndexOf('\n');
    const shown = cut > 0 ? head.slice(0, cut + 1) : head;
    return {
      text: shown,
      source: { bytes, name },
      preview: { name, size: bytes.byteLength },
      note: `${name} is ${formatBytes(bytes.byteLength)}: the editor shows its first ${formatBytes(shown.length)} read-only; every line is checked. Edit by pasting or loading an example.`,
    };
  }
  if (text !== null && !text.includes('\r')) return { text, source: null, preview: null, note: '' };
  // CRLF files are checked as the editor holds them (LF), so positions match.
  return {
    text: text ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    source: text === null ? { bytes, name } : null,
    preview: null,
    note: text === null ? `${name} is not UTF-8 text; it is shown with replacement characters and checked as the bytes it holds.` : '',
  };
}

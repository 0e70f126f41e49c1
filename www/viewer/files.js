// Opening a file: read with progress, then decided how the editor shows it. Files over
// PREVIEW_FILE_BYTES are checked whole but shown as a read-only preview; files that are not
// UTF-8 are checked as the bytes they hold.
import { formatBytes } from './format.js';

/**
 * Files larger than this are checked whole but shown as a read-only preview. A textarea lays
 * out all of its text: 2.4 MB held the main thread for 200 ms here (a 1 s task on a slower
 * CI machine), 1 MB for 90 ms, the 512 KB preview for 80.
 */
const PREVIEW_FILE_BYTES = 1024 * 1024;
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

/**
 * How the editor shows a file too large to read whole (see stream-file.js): the text of its
 * first bytes (`head`), read-only; the File itself is what is checked.
 */
export function streamedFileView(file, head, name) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head).slice(0, PREVIEW_CHARS);
  const cut = text.lastIndexOf('\n');
  const shown = cut > 0 ? text.slice(0, cut + 1) : text;
  return {
    text: shown,
    source: { file, name },
    preview: { name, size: file.size },
    note: `${name} is ${formatBytes(file.size)}: the editor shows its first ${formatBytes(shown.length)} read-only; every line is checked as the file is read. Edit by pasting or loading an example.`,
  };
}

/** The first bytes of a file, enough for the preview. */
export async function fileHead(file) {
  return new Uint8Array(await file.slice(0, PREVIEW_CHARS * 2).arrayBuffer());
}

// What the element keeps in localStorage when the page asks for it (the `persist`
// attribute): the input and the Strict option, under one key. Nothing else is stored.

const STORAGE_KEY = 'cc-number-events:state';
/** Inputs longer than this (in UTF-16 code units, about 1 MB) are not kept in localStorage. */
const STORE_LIMIT = 1_000_000;

/** The state saved by a previous visit, or null (none, unreadable, or storage refused). */
export function loadState() {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/**
 * Saves the input (unless it is a preview or too large to keep) and the Strict option.
 * Returns a note for the user when the input is not kept, '' otherwise.
 */
export function saveState({ input, strict, preview }) {
  let note = '';
  const state = { input, strict };
  if (preview || input.length > STORE_LIMIT) {
    delete state.input;
    note = 'This input is over 1 MB, so it is not kept for your next visit (only the options are).';
  }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    note = 'Your browser refused to store the input; it will not be restored after a reload.';
  }
  return note;
}

// The element's frame: toolbar (examples, file, Strict, report export), the editor pane with
// its status lines, and the results region. Behaviour stays in the element; this only builds.
import { h } from './dom.js';
import { EXAMPLES } from './examples.js';
import { FORMATS } from './format.js';

/**
 * @param {HTMLElement} editor the editor's element
 * @param {{onExample: (text: string) => void, onFile: (file: File) => void,
 *   onStrict: (on: boolean) => void, onExport: (action: 'copy' | 'download') => void}} handlers
 * @returns {{app, strict, format, info, note, progress, progressBar, progressLabel, status, results}}
 */
export function buildLayout(editor, { onExample, onFile, onStrict, onExport }) {
  const el = {};
  const fileInput = h('input', {
    type: 'file',
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
    accept: '.json,.ndjson,.jsonl,.txt,.log,application/json,text/plain',
    onchange: () => {
      const f = fileInput.files?.[0];
      if (f) onFile(f);
      fileInput.value = '';
    },
  });

  el.strict = h('input', { type: 'checkbox', id: 'strict', onchange: () => onStrict(el.strict.checked) });
  el.format = h('select', { id: 'format', 'aria-label': 'Report format' },
    Object.entries(FORMATS).map(([id, f]) => h('option', { value: id, text: f.label })));

  const examples = h('div', { class: 'group', role: 'group', 'aria-labelledby': 'examples-label' },
    h('span', { class: 'group-label', id: 'examples-label', text: 'Examples' }),
    EXAMPLES.map((ex) => h('button', { type: 'button', class: 'btn', 'data-example': ex.id, text: ex.label,
      onclick: () => onExample(ex.text) })));

  const input = h('div', { class: 'group' },
    h('button', { type: 'button', class: 'btn', text: 'Open file…', onclick: () => fileInput.click() }),
    fileInput,
    h('label', { class: 'switch', for: 'strict', title: 'Unknown fields and undocumented values become errors' },
      el.strict, h('span', { text: 'Strict' })));

  const exporter = h('div', { class: 'group', role: 'group', 'aria-label': 'Report' },
    h('span', { class: 'group-label', text: 'Report' }),
    el.format,
    h('button', { type: 'button', class: 'btn', text: 'Copy', onclick: () => onExport('copy') }),
    h('button', { type: 'button', class: 'btn', text: 'Download', onclick: () => onExport('download') }));

  el.info = h('span', { class: 'info' });
  el.note = h('p', { class: 'note', hidden: true });
  el.progressBar = h('progress', { max: '1', 'aria-label': 'Progress' });
  el.progressLabel = h('span');
  el.progress = h('div', { class: 'progress', hidden: true }, el.progressBar, el.progressLabel);
  el.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });

  el.results = h('section', { class: 'results', 'aria-label': 'Results' },
    h('p', { class: 'placeholder', text: 'Loading the validator…' }));

  el.app = h('div', { class: 'app', hidden: true },
    h('div', { class: 'toolbar' }, examples, input, exporter),
    h('div', { class: 'panes' },
      h('div', { class: 'editor-pane' },
        h('div', { class: 'editor-head' }, h('label', { for: 'payload', text: 'Payload' }), el.info),
        editor,
        h('p', { class: 'help', id: 'editor-help',
          text: 'Checked as you type. F8 / Shift+F8: next / previous problem. Ctrl+Enter: check now.' }),
        el.note, el.progress, el.status),
      el.results));
  return el;
}

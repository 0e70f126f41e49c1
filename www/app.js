// The page is the <cc-event-viewer> element and nothing else; this module loads it and
// mirrors the verdict in the tab title.
import './viewer/index.js';

const BASE_TITLE = document.title;
document.addEventListener('cc-report', (e) => {
  const r = e.detail;
  const verdict = r.mode === 'log' ? `log of ${r.summary.events}` : r.valid ? 'valid' : 'invalid';
  document.title = `${r.valid ? '✓' : '✕'} ${verdict} · ${BASE_TITLE}`;
});

// The element's entry for pages that load it from this folder (`<script type="module"
// src=".../cc-event-viewer.js">`): the element itself lives in viewer/, as the npm package
// publishes it (`cc-number-events/viewer`).
export * from './viewer/index.js';
export { default } from './viewer/index.js';

// <cc-event-viewer>: importing this module defines the element and exports its class and the
// class of its `cc-report` event.
export { CcEventViewer, default } from './define.js';
export { CcReportEvent } from './report-event.js';

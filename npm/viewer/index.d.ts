export { CcEventViewer, default } from './define.js';
export { CcReportEvent } from './report-event.js';
export type { ViewerResult } from './element.js';

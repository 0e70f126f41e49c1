import { CcEventViewer } from './element.js';
import type { CcReportEvent } from './report-event.js';

export { CcEventViewer };
export default CcEventViewer;

declare global {
  interface HTMLElementTagNameMap {
    'cc-event-viewer': CcEventViewer;
  }
  interface HTMLElementEventMap {
    'cc-report': CcReportEvent;
  }
  interface DocumentEventMap {
    'cc-report': CcReportEvent;
  }
}

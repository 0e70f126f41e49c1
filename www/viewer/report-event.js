// The `cc-report` event: fired (bubbling, composed) after every check whose result is shown.
// A CustomEvent, so `e.detail` is the result as before; `e.result`, `e.mode` and `e.valid`
// read the same without casting.

/**
 * @typedef {{mode: 'single' | 'log', valid: boolean, report: object | null, summary: object | null, ms: number}} ViewerResult
 */

export class CcReportEvent extends CustomEvent {
  static type = 'cc-report';

  /** @param {ViewerResult} result */
  constructor(result) {
    super(CcReportEvent.type, { detail: result, bubbles: true, composed: true });
  }

  /** The result shown: the same object as `detail`. */
  get result() {
    return this.detail;
  }

  /** "single" for one notification, "log" for a log of many. */
  get mode() {
    return this.detail.mode;
  }

  /** Whether the notification, or every item of the log, is valid. */
  get valid() {
    return this.detail.valid;
  }
}

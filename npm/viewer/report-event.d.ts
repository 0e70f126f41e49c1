import type { ViewerResult } from './element.js';

/** `cc-report`: fired (bubbling, composed) by `<cc-event-viewer>` after every check shown. */
export class CcReportEvent extends CustomEvent<ViewerResult> {
  static readonly type: 'cc-report';
  constructor(result: ViewerResult);
  /** The result: the same object as `detail`. */
  readonly result: ViewerResult;
  readonly mode: ViewerResult['mode'];
  readonly valid: boolean;
}

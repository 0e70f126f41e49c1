// Types of <cc-event-viewer> as the npm package publishes it (`cc-number-events/viewer`);
// the element's source is www/viewer/ in the repository.
import type { Report, Summary } from '../web/cc_number_events.js';

/** What one check found: the element's `result`, and `detail` of its `cc-report` event. */
export type ViewerResult =
  | {
      /** One notification: `report` is `validate()`'s. */
      mode: 'single';
      valid: boolean;
      report: Report;
      summary: null;
      /** How long the check took, in milliseconds. */
      ms: number;
    }
  | {
      /** A log of many: `summary` is `summarize()`'s; `valid` when no item is invalid. */
      mode: 'log';
      valid: boolean;
      report: null;
      summary: Summary;
      ms: number;
    };

/**
 * `<cc-event-viewer>`: paste or drop a notification (or a log) and see whether it is valid,
 * where it is broken and what changed. Attributes: `payload`, `strict`, `persist`, `example`
 * (`valid` | `invalid` | `websocket` | `log`), `theme` (`light` | `dark`).
 * This module defines no element: import `cc-number-events/viewer` (or `/viewer/define`) for that.
 */
export class CcEventViewer extends HTMLElement {
  static observedAttributes: string[];
  /** The text to check; setting it checks it. */
  payload: string;
  /** Unknown members and undocumented values are errors (the `strict` attribute). */
  strict: boolean;
  /** The last result shown, or null before the first (or after a failed) check. */
  readonly result: ViewerResult | null;
  /**
   * Checks the current text now. Resolves with the result shown for it: if an edit overtakes
   * the check, with the next result shown; null if that check fails.
   */
  check(): Promise<ViewerResult | null>;
  /** Reads a file into the editor and checks it (files over 4 MB are shown as a preview). */
  loadFile(file: Blob): Promise<void>;
  /** Stops the element's worker, for a portal that removes the element for good. */
  dispose(): void;
  attributeChangedCallback(name: string, old: string | null, value: string | null): void;
  connectedCallback(): void;
  disconnectedCallback(): void;
}

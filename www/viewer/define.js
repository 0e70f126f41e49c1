// Registers <cc-event-viewer>. Apart from the class (./element.js) so that a page can import
// the class without defining it (to define it under another name, or to extend it), as
// github/relative-time-element does.
import { CcEventViewer } from './element.js';

if (!customElements.get('cc-event-viewer')) customElements.define('cc-event-viewer', CcEventViewer);

export { CcEventViewer };
export default CcEventViewer;

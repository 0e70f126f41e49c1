// What a WebSocket control frame says (a report of kind "websocketControl"): its type and the
// package's sentence (the session's limits, the subscription an answer created, an error's
// code and message), shown where a notification's change sentence goes. Text only: the
// sentence quotes payload values.
import { h } from './dom.js';

const TITLES = {
  ConnectionDetails: 'Connection details',
  Heartbeat: 'Heartbeat',
  ClientRequest: 'Client request',
  Error: 'Gateway error',
};

/**
 * @param {{type: string, sentence: string} | undefined} frame the report's `frame`
 * @returns {Node | null}
 */
export function frameView(frame) {
  if (!frame) return null;
  return h('p', { class: 'sentence frame' },
    h('strong', { text: `${TITLES[frame.type] ?? frame.type}: ` }), frame.sentence);
}

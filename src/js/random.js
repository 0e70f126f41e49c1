// Keys for the hash maps (src/json/map.rs), drawn once per module instance (src/js/exports.rs).
const getRandomValues = globalThis.crypto && globalThis.crypto.getRandomValues;
const randomValues = getRandomValues ? Function.prototype.call.bind(getRandomValues) : undefined;
export function randomWords(out) {
  try {
    randomValues(globalThis.crypto, out);
    return;
  } catch {
    // No Web Crypto: keys from Math.random are still keys an attacker cannot choose.
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(Math.random() * 2 ** 32);
}

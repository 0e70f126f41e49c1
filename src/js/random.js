// Keys for the hash maps (src/json/map.rs), drawn when a module instance makes its first map
// (src/js/wasm.rs). `globalThis.crypto` is read only then: in Node, reading it loads Web
// Crypto, 3-4 ms of a cold start that a call making no map never needs.
export function randomWords(out) {
  try {
    globalThis.crypto.getRandomValues(out);
    return;
  } catch {
    // No Web Crypto: keys from Math.random are still keys an attacker cannot choose.
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(Math.random() * 2 ** 32);
}

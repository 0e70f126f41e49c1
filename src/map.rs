//! The hash maps keyed by what the input holds (uuids, number ids, member names), and their
//! hasher: SipHash-1-3 under secret random keys, so that nobody can craft keys that make a
//! map quadratic.
//!
//! Natively that is std's own `RandomState`, keyed by the operating system. Built for
//! wasm32-unknown-unknown, std has no entropy and derives the keys from two addresses, which
//! every instance of one build of the module repeats: anyone holding the package could
//! compute colliding keys offline. There the keys come from `crypto.getRandomValues`, handed
//! over by src/wasm.rs with [`seed`] before the first map is made, and [`Sip13`] is std's
//! algorithm, which stable Rust does not let us key.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, Keys>;
pub(crate) type HashSet<T> = std::collections::HashSet<T, Keys>;

#[cfg(not(target_arch = "wasm32"))]
pub(crate) type Keys = std::collections::hash_map::RandomState;

#[cfg(target_arch = "wasm32")]
pub(crate) use keyed::Keys;
#[cfg(target_arch = "wasm32")]
pub use keyed::{keys, seed};

#[cfg(target_arch = "wasm32")]
mod keyed {
    use super::Sip13;
    use core::sync::atomic::{AtomicU64, Ordering::Relaxed};

    static K0: AtomicU64 = AtomicU64::new(0);
    static K1: AtomicU64 = AtomicU64::new(0);

    /// Sets the keys of every map made from now on.
    pub fn seed(k0: u64, k1: u64) {
        K0.store(k0, Relaxed);
        K1.store(k1, Relaxed);
    }

    /// The keys maps are made with now.
    pub fn keys() -> (u64, u64) {
        (K0.load(Relaxed), K1.load(Relaxed))
    }

    #[derive(Clone, Copy, Debug)]
    pub struct Keys(u64, u64);

    impl Default for Keys {
        fn default() -> Self {
            Keys(K0.load(Relaxed), K1.load(Relaxed))
        }
    }

    impl core::hash::BuildHasher for Keys {
        type Hasher = Sip13;
        fn build_hasher(&self) -> Sip13 {
            Sip13::new_with_keys(self.0, self.1)
        }
    }
}

/// SipHash-1-3 (one compression round, three finalization rounds), as std hashes with.
/// Natively only its tests use it.
#[cfg(any(target_arch = "wasm32", test))]
#[derive(Clone, Debug)]
pub struct Sip13 {
    v: [u64; 4],
    /// Bytes not yet compressed, little-endian, and how many.
    tail: u64,
    ntail: usize,
    length: usize,
}

#[cfg(any(target_arch = "wasm32", test))]
impl Sip13 {
    pub fn new_with_keys(k0: u64, k1: u64) -> Self {
        Sip13 {
            v: [
                k0 ^ 0x736f_6d65_7073_6575,
                k1 ^ 0x646f_7261_6e64_6f6d,
                k0 ^ 0x6c79_6765_6e65_7261,
                k1 ^ 0x7465_6462_7974_6573,
            ],
            tail: 0,
            ntail: 0,
            length: 0,
        }
    }

    #[inline(always)]
    fn round(&mut self) {
        let [v0, v1, v2, v3] = &mut self.v;
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    }

    #[inline(always)]
    fn compress(&mut self, m: u64) {
        self.v[3] ^= m;
        self.round();
        self.v[0] ^= m;
    }
}

/// Up to eight bytes as a little-endian word: four, two and one at a time, as std does, since
/// a copy into a zeroed buffer is a call to `memcpy` for every key.
#[cfg(any(target_arch = "wasm32", test))]
#[inline(always)]
fn word(bytes: &[u8]) -> u64 {
    if let Some(whole) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*whole);
    }
    let mut out = 0u64;
    let mut i = 0;
    if let Some(four) = bytes.first_chunk::<4>() {
        out = u64::from(u32::from_le_bytes(*four));
        i = 4;
    }
    if let Some(two) = bytes[i..].first_chunk::<2>() {
        out |= u64::from(u16::from_le_bytes(*two)) << (8 * i);
        i += 2;
    }
    if let Some(&one) = bytes.get(i) {
        out |= u64::from(one) << (8 * i);
    }
    out
}

#[cfg(any(target_arch = "wasm32", test))]
impl core::hash::Hasher for Sip13 {
    fn write(&mut self, mut msg: &[u8]) {
        self.length += msg.len();
        if self.ntail != 0 {
            let take = (8 - self.ntail).min(msg.len());
            self.tail |= word(&msg[..take]) << (8 * self.ntail);
            self.ntail += take;
            msg = &msg[take..];
            if self.ntail < 8 {
                return;
            }
            self.compress(self.tail);
            (self.tail, self.ntail) = (0, 0);
        }
        let words = msg.chunks_exact(8);
        let rest = words.remainder();
        for w in words.filter_map(<[u8]>::first_chunk::<8>) {
            self.compress(u64::from_le_bytes(*w));
        }
        self.tail = word(rest);
        self.ntail = rest.len();
    }

    fn finish(&self) -> u64 {
        let mut s = self.clone();
        s.compress(((self.length as u64 & 0xff) << 56) | self.tail);
        s.v[2] ^= 0xff;
        s.round();
        s.round();
        s.round();
        s.v[0] ^ s.v[1] ^ s.v[2] ^ s.v[3]
    }
}

#[cfg(test)]
mod tests {
    use super::Sip13;
    use std::borrow::Cow;
    use std::hash::{Hash, Hasher};

    /// std's DefaultHasher is SipHash-1-3 with both keys zero.
    #[allow(deprecated)]
    fn both<T: Hash + ?Sized>(value: &T) -> (u64, u64) {
        let mut ours = Sip13::new_with_keys(0, 0);
        let mut std = std::collections::hash_map::DefaultHasher::new();
        value.hash(&mut ours);
        value.hash(&mut std);
        (ours.finish(), std.finish())
    }

    #[test]
    fn hashes_exactly_as_std_does_for_the_keys_the_maps_hold() {
        let text = "2661273919712564939 ed1cf00c-0420-4bf5-a0ae-e659cc9f77e0 Zürich 🇨🇭";
        for end in 0..=text.len() {
            let Some(s) = text.get(..end) else { continue };
            let (a, b) = both(s);
            assert_eq!(a, b, "{s:?}");
            let (a, b) = both(&(end, Cow::Borrowed(s)));
            assert_eq!(a, b, "{s:?}");
            let (a, b) = both(&s.to_string());
            assert_eq!(a, b, "{s:?}");
        }
        for n in [0usize, 1, 255, 1 << 20, usize::MAX] {
            let (a, b) = both(&n);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn hashes_split_writes_as_one_stream() {
        let bytes: Vec<u8> = (0u8..=40).collect();
        let mut whole = Sip13::new_with_keys(7, 9);
        whole.write(&bytes);
        for cut in 0..bytes.len() {
            for cut2 in cut..bytes.len() {
                let mut parts = Sip13::new_with_keys(7, 9);
                parts.write(&bytes[..cut]);
                parts.write(&bytes[cut..cut2]);
                parts.write(&bytes[cut2..]);
                assert_eq!(parts.finish(), whole.finish(), "{cut} {cut2}");
            }
        }
        assert_ne!(
            Sip13::new_with_keys(1, 2).finish(),
            Sip13::new_with_keys(2, 1).finish(),
            "the keys matter"
        );
    }
}

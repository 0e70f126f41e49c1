//! The hash maps keyed by what the input holds (uuids, number ids, texts), and their
//! hasher, keyed by secret random numbers so that nobody can craft keys that make a map
//! quadratic.
//!
//! Natively that is foldhash (quality), under a seed per process and one per map, both drawn
//! from std's `RandomState`, which the operating system keys (foldhash's own seed is the
//! time and some addresses). It hashes the summary's keys faster than std's SipHash, which
//! took 6% of the command line's time on a large log, since the text of every item and every
//! uuid is hashed. Foldhash does not claim to resist an attacker who watches hashes or
//! timings and adapts the input (its README, "HashDoS resistance"); a log file or a request
//! body is written before the process picks its seed, and cannot aim at it. Built for
//! wasm32-unknown-unknown, std has no entropy and derives the keys from two addresses, which
//! every instance of one build of the module repeats: anyone holding the package could
//! compute colliding keys offline. There the keys come from `crypto.getRandomValues`: the
//! JavaScript boundary names where they come from with [`draw_keys_with`], and the first map
//! made draws them. `validate` and `parse` make no map (the parser finds duplicate member
//! names by sorting) and never ask: in Node, loading Web Crypto for them took 3-4 ms of a cold
//! start. [`Sip13`] is std's algorithm from the `siphasher` crate, since
//! stable Rust does not let us key std's own.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, Keys>;

#[cfg(not(target_arch = "wasm32"))]
pub(crate) use native::Keys;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use foldhash::quality::{FoldHasher, SeedableRandomState};
    use foldhash::SharedSeed;
    use std::collections::hash_map::RandomState;
    use std::hash::BuildHasher;
    use std::sync::OnceLock;

    /// A number the operating system's entropy picks: std's `RandomState` takes its keys from
    /// it once per thread, and each new one hashes under different keys.
    fn random() -> u64 {
        RandomState::new().hash_one(0u8)
    }

    #[derive(Clone, Debug)]
    pub struct Keys(SeedableRandomState);

    impl Default for Keys {
        fn default() -> Self {
            static SHARED: OnceLock<SharedSeed> = OnceLock::new();
            let shared = SHARED.get_or_init(|| SharedSeed::from_u64(random()));
            Keys(SeedableRandomState::with_seed(random(), shared))
        }
    }

    impl BuildHasher for Keys {
        type Hasher = FoldHasher<'static>;
        fn build_hasher(&self) -> FoldHasher<'static> {
            self.0.build_hasher()
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) use keyed::Keys;
#[cfg(target_arch = "wasm32")]
pub use keyed::{draw_keys_with, keys};

#[cfg(target_arch = "wasm32")]
mod keyed {
    use super::Sip13;
    use core::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
    use std::sync::OnceLock;

    static K0: AtomicU64 = AtomicU64::new(0);
    static K1: AtomicU64 = AtomicU64::new(0);
    static SEEDED: AtomicBool = AtomicBool::new(false);
    static SOURCE: OnceLock<fn() -> (u64, u64)> = OnceLock::new();

    /// Sets the keys of every map made from now on.
    fn seed(k0: u64, k1: u64) {
        K0.store(k0, Relaxed);
        K1.store(k1, Relaxed);
        SEEDED.store(true, Relaxed);
    }

    /// Names where the keys come from: `draw` runs once, when the first map is made. Later
    /// calls change nothing.
    pub fn draw_keys_with(draw: fn() -> (u64, u64)) {
        let _ = SOURCE.set(draw);
    }

    /// The keys maps are made with now.
    pub fn keys() -> (u64, u64) {
        (K0.load(Relaxed), K1.load(Relaxed))
    }

    #[derive(Clone, Copy, Debug)]
    pub struct Keys(u64, u64);

    impl Default for Keys {
        fn default() -> Self {
            if !SEEDED.load(Relaxed) {
                if let Some(draw) = SOURCE.get() {
                    let (k0, k1) = draw();
                    seed(k0, k1);
                }
            }
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

/// SipHash-1-3, the algorithm std hashes with, from the `siphasher` crate (which, unlike
/// std's, takes keys on stable Rust).
#[cfg(any(target_arch = "wasm32", test))]
pub use siphasher::sip::SipHasher13 as Sip13;

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

    /// Each native map hashes under keys of its own, and one map always the same way (the
    /// summary's shared text hash relies on that).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn native_maps_are_keyed_apart() {
        use std::hash::BuildHasher;
        let (a, b) = (super::Keys::default(), super::Keys::default());
        assert_eq!(
            a.hash_one("2661273919712564939"),
            a.clone().hash_one("2661273919712564939")
        );
        assert_ne!(
            a.hash_one("2661273919712564939"),
            b.hash_one("2661273919712564939")
        );
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

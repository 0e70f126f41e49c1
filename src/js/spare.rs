//! The buffers of the lane's answer before last (src/js/lane.rs), kept for the next answer
//! ([`Encoded`](super::encoded::Encoded)'s numbers, and the text its spans start): a clean
//! call allocated both and freed the previous answer's.

thread_local! {
    /// The numbers and text of the lane's answer before last, emptied, for the next answer:
    /// two allocations and two frees were a fiftieth of a clean call.
    static SPARE: core::cell::Cell<(Vec<u32>, String)> = const {
        core::cell::Cell::new((Vec::new(), String::new()))
    };
}

/// An empty `Vec` with room for `n` numbers: the spare one when there is one.
pub(super) fn spare_nums(n: usize) -> Vec<u32> {
    let (mut nums, text) = SPARE.take();
    SPARE.set((Vec::new(), text));
    nums.reserve(n);
    nums
}

/// An empty `String` with room for `n` bytes: the spare one when there is one.
pub(super) fn spare_text(n: usize) -> String {
    let (nums, mut text) = SPARE.take();
    SPARE.set((nums, String::new()));
    text.reserve(n);
    text
}

/// Keeps `nums` and `text`, the buffers of an answer the lane is done with, for the next one,
/// unless they are larger than a notification's answer needs (a long list of issues): those
/// are freed, so that one large answer does not hold its memory from then on. Only the lane
/// (WebAssembly) hands answers back.
#[cfg(target_arch = "wasm32")]
pub(super) fn recycle(mut nums: Vec<u32>, mut text: String) {
    const MOST_BYTES: usize = 16384;
    if nums.capacity() * 4 <= MOST_BYTES && text.capacity() <= MOST_BYTES {
        nums.clear();
        text.clear();
        SPARE.set((nums, text));
    }
}

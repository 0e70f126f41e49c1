//! One stable sort for the whole crate.
//!
//! Every `sort_by_key` call with its own key type and closure is a separate copy of the
//! standard library's sort in the WebAssembly module (about 2 KB each). Ranking by a pair of
//! integers and sorting the ranks keeps a single copy of the sort, whatever is being ordered.

/// Sorts `items` by `rank`, keeping equal ranks in their present order.
pub(crate) fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> (u64, u64)) {
    if items.len() < 2 {
        return;
    }
    let ranks: Vec<(u64, u64)> = items.iter().map(rank).collect();
    // Already in order (nearly always: findings come in document order, one or two of them):
    // a stable sort would leave it as it is, and sorting it cost a warned payload's call three
    // more allocations. Tested on the ranks, outside this generic function: inside, each of
    // its copies grew (the full module by 0.4 KB gzip).
    if in_order(&ranks) {
        return;
    }
    let order = ranked(ranks);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Whether `ranks` ascend (ties allowed).
#[inline(never)]
fn in_order(ranks: &[(u64, u64)]) -> bool {
    ranks.windows(2).all(|w| w[0] <= w[1])
}

/// The positions of `ranks` in ascending order, ties in position order.
#[inline(never)]
pub(crate) fn ranked(ranks: Vec<(u64, u64)>) -> Vec<usize> {
    stable_order(ranks.len(), |a, b| ranks[a] < ranks[b])
}

/// The positions `0..n` in the order `less` puts them, ties in position order: a bottom-up
/// merge sort, stable by construction. The standard library's sorts are faster on some
/// inputs, but even one copy of them is 3 KB of wasm, and what is sorted here is issues, log
/// events and the member names of an unusually big object.
pub(crate) fn stable_order(n: usize, less: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut spare = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut spare[start..end] {
                // Take from the right run only when strictly smaller: equal ranks keep order.
                let right = j < end && (i >= mid || less(order[j], order[i]));
                *slot = if right { order[j] } else { order[i] };
                if right {
                    j += 1;
                } else {
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// An `i64` mapped onto `u64` with its order kept, for ranking signed values.
pub(crate) fn signed_rank(v: i64) -> u64 {
    (v as u64) ^ (1 << 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_and_keeps_ties_in_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_rank(&mut v, |&(k, _)| (k, 0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn ranks_signed_values_in_numeric_order() {
        let mut v = vec![5i64, -3, i64::MIN, 0, i64::MAX, -1];
        sort_by_rank(&mut v, |&x| (signed_rank(x), 0));
        assert_eq!(v, vec![i64::MIN, -3, -1, 0, 5, i64::MAX]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort_on_many_lengths() {
        let mut seed = 12345u64;
        for n in 0..200 {
            let v: Vec<(u64, u64)> = (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) % 4, (seed >> 33) % 5)
                })
                .collect();
            let mut ours: Vec<(usize, (u64, u64))> = v.iter().copied().enumerate().collect();
            sort_by_rank(&mut ours, |&(_, r)| r);
            let mut std = v.into_iter().enumerate().collect::<Vec<_>>();
            std.sort_by_key(|&(_, r)| r);
            assert_eq!(ours, std, "length {n}");
        }
    }

    #[test]
    fn orders_by_the_second_rank_within_the_first() {
        let mut v = vec![(1, 9), (0, 5), (1, 2), (0, 7)];
        sort_by_rank(&mut v, |&(a, b)| (a, b));
        assert_eq!(v, vec![(0, 5), (0, 7), (1, 2), (1, 9)]);
    }
}

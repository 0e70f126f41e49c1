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
    let order = ranked(items.iter().map(rank).collect());
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions of `ranks` in ascending order, ties broken by position (hence stable).
#[inline(never)]
fn ranked(ranks: Vec<(u64, u64)>) -> Vec<usize> {
    let mut keyed: Vec<(u64, u64, usize)> = ranks
        .into_iter()
        .enumerate()
        .map(|(i, (a, b))| (a, b, i))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, i)| i).collect()
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
    fn orders_by_the_second_rank_within_the_first() {
        let mut v = vec![(1, 9), (0, 5), (1, 2), (0, 7)];
        sort_by_rank(&mut v, |&(a, b)| (a, b));
        assert_eq!(v, vec![(0, 5), (0, 7), (1, 2), (1, 9)]);
    }
}

//! Equality of byte strings, eight bytes a step: in wasm32 `==` on slices is a call to a
//! `memcmp` that compares byte by byte, and the hot paths that compare short texts over and
//! over (a number's fields against its last event's, the strings the lane holds for
//! JavaScript) spent most of such a comparison in that call.

/// Whether `a` and `b` are equal, as `a == b`.
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (wa, wb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail = wa
        .remainder()
        .iter()
        .zip(wb.remainder())
        .fold(0, |d, (x, y)| d | (x ^ y));
    let word = |w: &[u8]| w.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
    tail == 0 && wa.zip(wb).all(|(x, y)| word(x) == word(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_equal_as_strings_are() {
        let texts = [
            "",
            "a",
            "b",
            "ab",
            "abc",
            "abcdefgh",
            "abcdefgi",
            "abcdefghi",
            "abcdefghj",
            "bbcdefghi",
            "abcdefgh1",
            "abcdefgh2",
            "1bcdefgh",
            "2bcdefgh",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(
                    same_bytes(a.as_bytes(), b.as_bytes()),
                    a == b,
                    "{a:?} {b:?}"
                );
            }
        }
    }
}

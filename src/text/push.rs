//! Appending a short text. In WebAssembly a copy of a length known only at run time is a
//! `memory.copy`, which V8 runs as a call out of the module (its `memory_copy_wrapper` took
//! about 530 instructions of every clean validate call, for a dozen copies of a few bytes):
//! up to 32 bytes, two to four fixed-size loads and stores do it in the module.

/// Appends `t` to `s`, as `push_str` does.
#[inline]
pub(crate) fn push_short(s: &mut String, t: &str) {
    // SAFETY: the bytes appended are `t`'s, whole, so `s` stays UTF-8.
    push_short_bytes(unsafe { s.as_mut_vec() }, t.as_bytes());
}

/// Appends `t` to `v`, as `extend_from_slice` does.
#[inline]
pub(crate) fn push_short_bytes(v: &mut Vec<u8>, t: &[u8]) {
    let n = t.len();
    if n > 32 {
        return v.extend_from_slice(t);
    }
    v.reserve(n);
    // SAFETY: `reserve` made room for `n` more bytes after `len`; every read is within `t`
    // (the pairs overlap when `n` is under twice their size) and every write within that
    // room.
    unsafe {
        let len = v.len();
        let (src, dst) = (t.as_ptr(), v.as_mut_ptr().add(len));
        let copy8 = |from: usize| {
            let w = src.add(from).cast::<u64>().read_unaligned();
            dst.add(from).cast::<u64>().write_unaligned(w);
        };
        if n >= 16 {
            copy8(0);
            copy8(8);
            copy8(n - 16);
            copy8(n - 8);
        } else if n >= 8 {
            copy8(0);
            copy8(n - 8);
        } else if n >= 4 {
            let (a, b) = (
                src.cast::<u32>().read_unaligned(),
                src.add(n - 4).cast::<u32>().read_unaligned(),
            );
            dst.cast::<u32>().write_unaligned(a);
            dst.add(n - 4).cast::<u32>().write_unaligned(b);
        } else if n > 0 {
            *dst = *src;
            *dst.add(n / 2) = *src.add(n / 2);
            *dst.add(n - 1) = *src.add(n - 1);
        }
        v.set_len(len + n);
    }
}

/// `items` with `sep` between them, as `[&str]::join` writes them: written out, so that the
/// module does not carry the standard library's generic `join` for one or two messages.
pub fn joined_with(items: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_as_join_does() {
        for items in [&[][..], &["a"], &["a", "", "bc"]] {
            assert_eq!(joined_with(items, ", "), items.join(", "));
        }
    }

    #[test]
    fn appends_every_length_as_push_str_does() {
        let source = "0123456789abcdefghijklmnopqrstuvwxyzü€😀 and on and on and on";
        for start in ["", "x", "prefix of some length"] {
            for (from, _) in source.char_indices() {
                for (to, _) in source[from..]
                    .char_indices()
                    .chain([(source.len() - from, ' ')])
                {
                    let t = &source[from..from + to];
                    let mut ours = String::from(start);
                    push_short(&mut ours, t);
                    assert_eq!(ours, format!("{start}{t}"));
                }
            }
        }
    }
}

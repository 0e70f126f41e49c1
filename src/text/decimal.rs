//! Whole numbers as decimal text, as `to_string` writes them, without core's formatting
//! machinery: its `Display` for `i64` and `u64` (and `to_string`'s path to it) took about
//! 1 KB of the WebAssembly module, for the numbers of a parsed value and the rare year past
//! 9999.

/// `n` in decimal, with a `-` when `negative` (and `n` is not 0).
pub(crate) fn decimal(negative: bool, mut n: u64) -> String {
    let mut buf = [0u8; 21];
    let mut at = buf.len();
    let minus = negative && n != 0;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if minus {
        at -= 1;
        buf[at] = b'-';
    }
    // Digits and `-` only: always UTF-8.
    core::str::from_utf8(&buf[at..])
        .unwrap_or_default()
        .to_string()
}

/// An `i64` in decimal, as `i64::to_string` writes it.
pub(crate) fn signed(n: i64) -> String {
    decimal(n < 0, n.unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_to_string_writes() {
        for n in [
            0,
            1,
            -1,
            9,
            10,
            -10,
            99,
            100,
            12345,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ] {
            assert_eq!(signed(n), n.to_string());
        }
        for n in [0, 7, 10, 1 << 53, u64::MAX] {
            assert_eq!(decimal(false, n), n.to_string());
        }
        assert_eq!(decimal(true, 0), "0");
    }
}

// Shared by both targets: the invariants every report must keep, whatever the input.

use cc_number_events::Issue;

/// UTF-16 length of the text the positions count in: the input as decoded (invalid UTF-8
/// replaced by U+FFFD, as the crate does).
pub fn utf16_len(data: &[u8]) -> u32 {
    String::from_utf8_lossy(data).encode_utf16().count() as u32
}

pub fn check_issue(i: &Issue, len: u32, data: &[u8]) {
    // Text in: every issue has its position (only already-parsed values have none).
    let (Some(line), Some(column), Some(offset), Some(length)) =
        (i.line, i.column, i.offset, i.length)
    else {
        panic!("issue without a position: {i:?}");
    };
    assert!(
        offset.checked_add(length).is_some_and(|end| end <= len),
        "issue {:?} out of the input ({len} UTF-16 units): {:?}",
        i,
        String::from_utf8_lossy(data)
    );
    assert!(line >= 1 && column >= 1, "{i:?}");
    assert!(column <= offset + 1, "{i:?}");
    assert!(!i.message.is_empty(), "{i:?}");
    // Messages quote values clipped: a hostile value must not be copied into every report.
    assert!(
        i.message.len() <= 2_000,
        "message of {} bytes",
        i.message.len()
    );
}

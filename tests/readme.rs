//! The README's promises that code can check: every error code is documented.

use cc_number_events::Code;

#[test]
fn readme_documents_every_error_code() {
    let readme = include_str!("../README.md");
    for code in Code::ALL {
        assert!(
            readme.contains(&format!("| `{}` |", code.as_str())),
            "README.md does not list `{}`",
            code.as_str()
        );
    }
}

//! The README's promises that code can check: the error-code table is the enum, row for row
//! (code, severity, strict escalation and summary), so neither can drift from the other.

use cc_number_events::IssueCode;

fn row(code: IssueCode) -> String {
    let severity = code.default_severity().as_str();
    let strict = if code.strict_makes_error() {
        " (error with `strict`)"
    } else {
        ""
    };
    format!(
        "| `{}` | {severity}{strict} | {} |",
        code.as_str(),
        code.summary().replace('|', "\\|")
    )
}

#[test]
fn readme_documents_every_error_code_exactly_as_the_enum_does() {
    let readme = include_str!("../README.md");
    for &code in IssueCode::ALL {
        let expected = row(code);
        assert!(
            readme.lines().any(|l| l == expected),
            "README.md has no row\n{expected}\n(regenerate the table from src/diagnostics/codes.rs)"
        );
    }
}

//! The JSON Schemas in schema/ are what `json_schema()` writes: generated, never edited by hand.
//! `UPDATE_SCHEMA=1 cargo test --test json_schema` writes them again after a vocabulary or a
//! format changed; the npm package ships these files (scripts/package.mjs).

use std::path::Path;

#[test]
fn the_shipped_schemas_are_generated() {
    for (strict, name) in [
        (false, "notification.schema.json"),
        (true, "notification.strict.schema.json"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schema")
            .join(name);
        let made = cc_number_events::json_schema(strict);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &made).unwrap();
        }
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == made,
            "{} is not what json_schema({strict}) writes: run UPDATE_SCHEMA=1 cargo test --test json_schema",
            path.display()
        );
    }
}

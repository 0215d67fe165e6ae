//! The committed TypeScript types must be what the Rust models generate.
use std::path::Path;

#[test]
fn committed_typescript_types_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(cadence::bindings::BINDINGS_PATH);
    let generated = cadence::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date: run `cargo run -- bindings` (or UPDATE_BINDINGS=1 cargo test --test bindings)",
        path.display()
    );
}

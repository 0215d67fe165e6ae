//! Embeds every `migrations/NNNN_name.sql` file, in order, into the binary.
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    let mut files: Vec<_> = fs::read_dir("migrations")
        .expect("migrations/ directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    files.sort();
    for (i, name) in files.iter().enumerate() {
        let number: usize = name
            .split('_')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("migration {name} must start with its number"));
        assert_eq!(
            number,
            i + 1,
            "migrations must be numbered 0001, 0002, … without gaps"
        );
    }
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("manifest dir");
    let body: String = files
        .iter()
        .map(|n| format!("    (\"{n}\", include_str!(\"{manifest}/migrations/{n}\")),\n"))
        .collect();
    let out = Path::new(&env::var("OUT_DIR").expect("out dir")).join("migrations.rs");
    fs::write(
        out,
        format!("pub static MIGRATION_FILES: &[(&str, &str)] = &[\n{body}];\n"),
    )
    .expect("write migrations.rs");
}

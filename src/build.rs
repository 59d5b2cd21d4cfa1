//! Compiles every `presets/*.toml` into the binary (adding a preset is adding a file), and
//! `src/accelerators.toml` and `src/models.toml` into tables of strings, so that no run parses
//! their TOML.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=presets");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// Built-in presets: (file name, TOML text).\npub static BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed=presets/{f}");
        let _ = writeln!(
            code,
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/presets/{f}\"))),"
        );
    }
    code.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("presets.rs"), code).expect("OUT_DIR is writable");
    accelerators(Path::new(&out_dir));
    models(Path::new(&out_dir));
}

/// The figures of a device, in the order `accelerators.rs` reads them.
const FIGURES: [&str; 8] = [
    "memory",
    "memory_bandwidth",
    "fp32_flops",
    "tf32_flops",
    "fp16_flops",
    "bf16_flops",
    "fp8_flops",
    "int8_ops",
];

/// Writes `accelerators.rs`: each device's names and, per figure, its value as written and its
/// source marks ("public: …; derived: …"). The values are read by napkin's own unit reader at
/// run time; a figure without a value or a source stops the build.
fn accelerators(out_dir: &Path) {
    named_table(
        out_dir,
        "accelerators",
        "accelerator",
        &FIGURES,
        |t, name, aliases| {
            format!(
                "RawAccelerator {{ name: {name:?}, aliases: &{aliases:?}, vendor: {:?}, architecture: {:?}, figures: [",
                text(t, "vendor"),
                text(t, "architecture")
            )
        },
    );
}

/// Writes `src/<file>.toml`'s `[[entry]]` list as `<file>.rs`, a Rust slice: each entry opened by
/// `open` (given its table, its name and its aliases), then its `figures`.
fn named_table(
    out_dir: &Path,
    file: &str,
    entry: &str,
    figure_keys: &[&str],
    open: impl Fn(&toml::Table, &str, &[String]) -> String,
) {
    let source = format!("src/{file}.toml");
    println!("cargo:rerun-if-changed={source}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&source);
    let text_of_file =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{source} is unreadable: {e}"));
    let root: toml::Table = text_of_file
        .parse()
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    let list = root
        .get(entry)
        .and_then(toml::Value::as_array)
        .unwrap_or_else(|| panic!("{source} has no [[{entry}]] entries"));
    let mut code = String::from("&[\n");
    for item in list {
        let t = item
            .as_table()
            .unwrap_or_else(|| panic!("an [[{entry}]] is a table"));
        let name = text(t, "name");
        let aliases: Vec<String> = t
            .get("aliases")
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(code, "    {}", open(t, &name, &aliases));
        figures(&mut code, t, &name, figure_keys);
        code.push_str("    ] },\n");
    }
    code.push_str("]\n");
    std::fs::write(out_dir.join(format!("{file}.rs")), code).expect("OUT_DIR is writable");
}

/// The text of `key` in `t`, or "".
fn text(t: &toml::Table, key: &str) -> String {
    t.get(key)
        .and_then(toml::Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// Writes, for each of `keys`, the figure's value as written and its source marks ("public: …;
/// derived: …"), or `None`; a figure without a value or a source stops the build.
fn figures(code: &mut String, t: &toml::Table, name: &str, keys: &[&str]) {
    for key in keys {
        match t.get(*key).and_then(toml::Value::as_table) {
            None => code.push_str("        None,\n"),
            Some(f) => {
                let value = match f.get("value") {
                    Some(toml::Value::String(v)) => v.clone(),
                    Some(toml::Value::Integer(v)) => v.to_string(),
                    _ => panic!("{name}.{key} has no value"),
                };
                let marks: Vec<String> = ["public", "derived", "unverified"]
                    .iter()
                    .filter_map(|m| {
                        f.get(*m)
                            .and_then(toml::Value::as_str)
                            .map(|n| format!("{m}: {n}"))
                    })
                    .collect();
                assert!(!marks.is_empty(), "{name}.{key} has no source");
                let _ = writeln!(code, "        Some(({value:?}, {:?})),", marks.join("; "));
            }
        }
    }
}

/// The figures of a model, in the order `models.rs` reads them.
const MODEL_FIGURES: [&str; 6] = [
    "params",
    "active_params",
    "layers",
    "heads",
    "kv_heads",
    "head_dim",
];

/// Writes `models.rs`: each model's names and, per figure, its value as written and its source
/// marks, read by napkin's own unit reader at run time.
fn models(out_dir: &Path) {
    named_table(
        out_dir,
        "models",
        "model",
        &MODEL_FIGURES,
        |t, name, aliases| {
            format!(
                "RawModel {{ name: {name:?}, aliases: &{aliases:?}, family: {:?}, figures: [",
                text(t, "family")
            )
        },
    );
}

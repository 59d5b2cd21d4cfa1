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
    println!("cargo:rerun-if-changed=src/accelerators.toml");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/accelerators.toml");
    let text = std::fs::read_to_string(&path).expect("src/accelerators.toml is readable");
    let root: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("src/accelerators.toml: {e}"));
    let list = root
        .get("accelerator")
        .and_then(toml::Value::as_array)
        .expect("src/accelerators.toml has [[accelerator]] entries");
    let mut code = String::from("&[\n");
    for entry in list {
        let t = entry.as_table().expect("an [[accelerator]] is a table");
        let text = |k: &str| {
            t.get(k)
                .and_then(toml::Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let name = text("name");
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
        let _ = writeln!(
            code,
            "    RawAccelerator {{ name: {name:?}, aliases: &{aliases:?}, vendor: {:?}, architecture: {:?}, figures: [",
            text("vendor"),
            text("architecture")
        );
        figures(&mut code, t, &name, &FIGURES);
        code.push_str("    ] },\n");
    }
    code.push_str("]\n");
    std::fs::write(out_dir.join("accelerators.rs"), code).expect("OUT_DIR is writable");
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
    println!("cargo:rerun-if-changed=src/models.toml");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/models.toml");
    let text = std::fs::read_to_string(&path).expect("src/models.toml is readable");
    let root: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("src/models.toml: {e}"));
    let list = root
        .get("model")
        .and_then(toml::Value::as_array)
        .expect("src/models.toml has [[model]] entries");
    let mut code = String::from("&[\n");
    for entry in list {
        let t = entry.as_table().expect("a [[model]] is a table");
        let text = |k: &str| {
            t.get(k)
                .and_then(toml::Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let name = text("name");
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
        let _ = writeln!(
            code,
            "    RawModel {{ name: {name:?}, aliases: &{aliases:?}, family: {:?}, figures: [",
            text("family")
        );
        figures(&mut code, t, &name, &MODEL_FIGURES);
        code.push_str("    ] },\n");
    }
    code.push_str("]\n");
    std::fs::write(out_dir.join("models.rs"), code).expect("OUT_DIR is writable");
}

//! Scenarios that ship with napkin (every `presets/*.toml`, compiled in by `src/build.rs`) and the
//! user's own (TOML files in the config directory's `napkin/presets/`). Both are read by the same
//! code as any scenario file.

use crate::scenario::diagnostic::{Diagnostic, ScenarioError, See, suggest_or};
use crate::scenario::{self, Scenario};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/presets.rs"));

/// Where a preset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    /// A file in the user's preset directory.
    User(PathBuf),
}

/// A preset's text and where it lives.
#[derive(Clone, Debug)]
pub struct Preset {
    pub id: String,
    pub origin: Origin,
    pub text: String,
    /// The name messages use: "built-in preset twitter" (the id a user types, not the file it
    /// was compiled from), or the user's file's path.
    pub file: String,
}

impl Preset {
    pub fn load(&self) -> Result<Scenario, ScenarioError> {
        scenario::load_str(&self.text, self.text_origin())
    }

    /// Where its text comes from, for messages: the built-in preset's id, or the user's file.
    pub fn text_origin(&self) -> scenario::Origin {
        match &self.origin {
            Origin::Builtin => scenario::Origin::Preset(self.id.clone()),
            Origin::User(_) => scenario::Origin::File(self.file.clone()),
        }
    }
}

/// The id a preset file declares: the file name without `.toml`.
fn id_of(file: &str) -> String {
    file.trim_end_matches(".toml").to_string()
}

/// Every built-in preset, by file name order.
pub fn builtin() -> Vec<Preset> {
    BUILTIN
        .iter()
        .map(|(file, text)| Preset {
            id: id_of(file),
            origin: Origin::Builtin,
            text: text.to_string(),
            file: format!("built-in preset {}", id_of(file)),
        })
        .collect()
}

/// The user's preset directory: `$XDG_CONFIG_HOME/napkin/presets` (or `~/.config/napkin/presets`).
pub fn user_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("napkin").join("presets"))
}

/// The user's presets, and a message for each file that could not be read.
pub fn user(dir: Option<&Path>) -> (Vec<Preset>, Vec<String>) {
    let mut presets = Vec::new();
    let mut problems = Vec::new();
    let Some(dir) = dir else {
        return (presets, problems);
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (presets, problems);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let file = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                presets.push(Preset {
                    id,
                    origin: Origin::User(path.clone()),
                    text,
                    file,
                });
            }
            Err(e) => problems.push(format!("{file}: cannot be read: {e}")),
        }
    }
    (presets, problems)
}

/// Built-in and user presets together; a user preset with a built-in's id replaces it.
pub fn all(user_dir: Option<&Path>) -> (Vec<Preset>, Vec<String>) {
    let (users, problems) = user(user_dir);
    let mut presets: Vec<Preset> = builtin()
        .into_iter()
        .filter(|b| !users.iter().any(|u| u.id == b.id))
        .collect();
    presets.extend(users);
    (presets, problems)
}

/// Finds a preset by id, or says which ids are close.
pub fn find(id: &str, user_dir: Option<&Path>) -> Result<Preset, ScenarioError> {
    // The common case touches one file: the user's `<id>.toml`, else the built-in of that name.
    if let Some(dir) = user_dir {
        let path = dir.join(format!("{id}.toml"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Ok(Preset {
                id: id.to_string(),
                origin: Origin::User(path.clone()),
                text,
                file: path.display().to_string(),
            });
        }
    }
    if let Some((file, text)) = BUILTIN.iter().find(|(file, _)| id_of(file) == id) {
        return Ok(Preset {
            id: id.to_string(),
            origin: Origin::Builtin,
            text: text.to_string(),
            file: format!("built-in preset {}", id_of(file)),
        });
    }
    let (presets, _) = all(user_dir);
    if let Some(p) = presets.iter().find(|p| p.id == id) {
        return Ok(p.clone());
    }
    Err(ScenarioError(vec![Diagnostic {
        problem: format!("no preset or file named `{id}`"),
        hint: suggest_or(
            id,
            presets.iter().map(|p| p.id.as_str()),
            "no preset has a close name.",
        ),
        see: Some(See::Presets),
        ..Default::default()
    }]))
}

/// Writes `text` as the user preset `id` in `dir` atomically (a temporary file renamed into
/// place), creating the directory; returns the path.
pub fn write_user(dir: &Path, id: &str, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{id}.toml"));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_preset_is_named_by_its_id_a_user_s_by_its_path() {
        let twitter = builtin().into_iter().find(|p| p.id == "twitter").unwrap();
        assert_eq!(twitter.file, "built-in preset twitter");
        assert_eq!(
            find("twitter", None).unwrap().file,
            "built-in preset twitter"
        );
        let dir = tempfile::tempdir().unwrap();
        let path =
            write_user(dir.path(), "mine", "[meta]\nid = \"mine\"\ntitle = \"M\"\n").unwrap();
        assert_eq!(
            find("mine", Some(dir.path())).unwrap().file,
            path.display().to_string()
        );
    }
}

//! Where each input came from: the book, a named public source, arithmetic on those, or an
//! assumption; and where in which file it was written, so later errors can point at it.

use super::diagnostic::Subject;
pub use super::path::Position;
use super::path::{InputPath, Location, Origin, SectionPath};
use rustc_hash::FxHashMap;
use std::fmt;

/// The mark every preset input carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Stated in the book "Machine Learning System Design Interview".
    Book,
    /// A public engineering source, named in the note.
    Public,
    /// Worked out from stated numbers (the book's or a public source's); the note shows the
    /// arithmetic, e.g. "1M events a month (book ch. 7) ÷ 30 d ≈ 33k".
    Derived,
    /// A judgement, with its reason in the note.
    Assumption,
    /// A value changed on the command line or in the TUI.
    Override,
}

impl SourceKind {
    /// The key that marks it in a file: `{ value = …, book = "…" }`.
    pub const KEYS: [(&'static str, SourceKind); 4] = [
        ("book", SourceKind::Book),
        ("public", SourceKind::Public),
        ("derived", SourceKind::Derived),
        ("assume", SourceKind::Assumption),
    ];

    /// Its name in reports and in `calc --format json`.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Book => "book",
            SourceKind::Public => "public",
            SourceKind::Derived => "derived",
            SourceKind::Assumption => "assumption",
            SourceKind::Override => "override",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub kind: SourceKind,
    pub note: String,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.note.is_empty() {
            f.write_str(self.kind.label())
        } else {
            write!(f, "{}: {}", self.kind.label(), self.note)
        }
    }
}

impl Position {
    /// The position of byte `offset` in `text`; columns count characters.
    pub fn of(text: &str, offset: usize) -> Position {
        LineIndex::new(text).position(offset)
    }
}

/// Where each line of a text starts, to turn many byte offsets into positions cheaply.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The position of byte `offset`; columns count characters.
    pub fn position(&self, offset: usize) -> Position {
        // The character boundary at or before `offset` (`str::floor_char_boundary` is newer
        // than the crate's rust-version).
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Position {
            line,
            col: self.text[start..offset].chars().count() + 1,
        }
    }
}

/// Where a value stands in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub position: Position,
    /// Byte range of the value (the whole `{ value = …, book = … }` table when so written), to
    /// rewrite an edited scenario without losing its comments.
    pub span: std::ops::Range<usize>,
}

/// Sources and file positions of a scenario's inputs, by field path.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    /// Where the scenario's text came from.
    pub origin: Origin,
    pub sources: FxHashMap<InputPath, Source>,
    /// Where each input written in the file stands in it.
    pub places: FxHashMap<InputPath, Place>,
    /// Each value as written ("1B", "50 MB", "0.7"), to edit it as typed.
    pub raw: FxHashMap<InputPath, String>,
    /// Byte offset just past the last value of each section ("traffic", "stage.ranking").
    pub section_ends: FxHashMap<SectionPath, usize>,
}

impl Provenance {
    pub fn source(&self, path: &InputPath) -> Option<&Source> {
        self.sources.get(path)
    }

    /// Every input written in the file or given as an override (a path may come twice).
    pub fn written(&self) -> impl Iterator<Item = &InputPath> {
        self.raw
            .keys()
            .chain(self.sources.keys())
            .chain(self.places.keys())
    }

    /// Whether the input at `path` was given as an override.
    pub fn is_override(&self, path: &InputPath) -> bool {
        self.sources
            .get(path)
            .is_some_and(|s| s.kind == SourceKind::Override)
    }

    /// Where an input stands: its place in the file, an override, or the file alone when it was
    /// not written in it.
    pub fn locate(&self, subject: &Subject) -> Location {
        let Some(path) = subject.input() else {
            return Location::Text {
                origin: self.origin.clone(),
                at: None,
            };
        };
        if self.is_override(path) {
            return Location::Override;
        }
        Location::Text {
            origin: self.origin.clone(),
            at: self.places.get(path).map(|p| p.position),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Position;

    #[test]
    fn positions_count_lines_and_columns_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(Position::of(text, 0), Position { line: 1, col: 1 });
        // "bé = 2": byte 6 is 'b' (line 2, col 1); 'é' is two bytes, so byte 9 is ' ' after "bé" → col 3.
        assert_eq!(Position::of(text, 6), Position { line: 2, col: 1 });
        assert_eq!(Position::of(text, 9), Position { line: 2, col: 3 });
        // Byte 8 is inside 'é' (bytes 7 and 8): the position is that of 'é' (col 2).
        assert_eq!(Position::of(text, 8), Position { line: 2, col: 2 });
    }
}

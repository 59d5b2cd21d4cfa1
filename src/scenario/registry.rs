//! The input sections, one row each: its fields (the schema table), where the scenario keeps it,
//! how to get, set, create and list it, how the file reader reads it and how it is checked.
//!
//! Loading, `--set`, the list of inputs, the screen's form and the key reference all iterate
//! [`ROWS`]; a new section is a file in [`super::sections`] with its row, added to [`ROWS`],
//! and its outputs in the estimate.

use super::Scenario;
use super::load::Reader;
use super::path::{InputPath, SectionPath};
use super::schema::{Field, FieldKind, Section, Value};
use super::sections;
use super::validate::Findings;
use toml::Spanned;
use toml::de::DeValue;

/// What the faces and the reader need to know of one field, without its section's type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldInfo {
    pub key: &'static str,
    pub kind: FieldKind,
    /// Whether 0 is a meaningful value (no new items per day, no spare servers).
    pub zero_ok: bool,
    /// What it means, in a line.
    pub doc: &'static str,
}

/// One input section, whatever its type: see [`Row`], which implements it for every section.
pub trait SectionRow: Sync {
    fn section(&self) -> Section;
    /// How many fields the section has (`name` included for a list section).
    fn field_count(&self) -> usize;
    fn field(&self, i: usize) -> FieldInfo;
    /// Entries present: 0 or 1 for a section, the list's length for a list section.
    fn len(&self, s: &Scenario) -> usize;
    /// The `name` of entry `i` of a list section; `None` for other sections.
    fn name<'s>(&self, s: &'s Scenario, i: usize) -> Option<&'s str>;
    /// The value of field `field` of entry `entry`, `None` where an optional input is unset.
    fn get(&self, s: &Scenario, entry: usize, field: usize) -> Option<Value>;
    /// Sets field `field` of entry `entry`; a value of another type is ignored.
    fn set(&self, s: &mut Scenario, entry: usize, field: usize, value: Value);
    /// Sets the number at field `field` of entry `entry`, in its kind's base unit; a field that
    /// holds no number is left as it is.
    fn set_number(&self, s: &mut Scenario, entry: usize, field: usize, x: f64);
    /// Puts field `field` of entry `entry` back to its default.
    fn clear(&self, s: &mut Scenario, entry: usize, field: usize);
    /// Adds the section (or an entry named `name` to a list section) with every field at its
    /// default, and returns its entry index.
    fn create(&self, s: &mut Scenario, name: Option<&str>) -> usize;
    /// Reads the section from the file's value at its key.
    fn read(&self, reader: &mut Reader<'_>, value: &Spanned<DeValue<'_>>);
    /// Says what keeps the section from being estimated.
    fn check(&self, f: &mut Findings<'_>);
}

impl dyn SectionRow {
    /// The section's fields in schema order.
    pub fn fields(&self) -> impl Iterator<Item = FieldInfo> + '_ {
        (0..self.field_count()).map(|i| self.field(i))
    }

    /// The field spelled `key`, with its index.
    pub fn field_named(&self, key: &str) -> Option<(usize, FieldInfo)> {
        self.fields().enumerate().find(|(_, f)| f.key == key)
    }

    /// The index of the entry `entry` names: `None` (a section) or a list entry's name.
    pub fn find(&self, s: &Scenario, entry: Option<&str>) -> Option<usize> {
        match entry {
            None if !self.section().is_list() => (self.len(s) > 0).then_some(0),
            Some(name) if self.section().is_list() => {
                (0..self.len(s)).find(|&i| self.name(s, i) == Some(name))
            }
            _ => None,
        }
    }

    /// Each entry present, with its path.
    pub fn entries<'s>(&'s self, s: &'s Scenario) -> impl Iterator<Item = SectionPath> + 's {
        (0..self.len(s)).map(move |i| SectionPath::new(self.section(), self.name(s, i)))
    }

    /// The inputs `--set` can reach in entry `i`: every field but a list entry's `name`.
    pub fn inputs(&self) -> impl Iterator<Item = (usize, FieldInfo)> + '_ {
        self.fields().enumerate().filter(|(_, f)| f.key != "name")
    }
}

/// Where a scenario keeps a section of type `S`.
pub enum Holder<S: 'static> {
    /// A section the scenario may leave out: `[traffic]`.
    Optional(
        fn(&Scenario) -> &Option<S>,
        fn(&mut Scenario) -> &mut Option<S>,
    ),
    /// A section every scenario has, at its defaults when the file leaves it out: `[serving]`.
    Always(fn(&Scenario) -> &S, fn(&mut Scenario) -> &mut S),
    /// Named entries: `[[stage]]`, each with a `name`.
    List(
        fn(&Scenario) -> &Vec<S>,
        fn(&mut Scenario) -> &mut Vec<S>,
        fn(&S) -> &str,
        fn(&mut S, &str),
    ),
}

/// A section's row: its key, its fields, where it is kept and its check.
pub struct Row<S: 'static> {
    pub section: Section,
    pub fields: &'static [Field<S>],
    pub holder: Holder<S>,
    pub check: fn(&mut Findings<'_>),
}

impl<S: 'static> Row<S> {
    fn entry<'s>(&self, s: &'s Scenario, i: usize) -> Option<&'s S> {
        match &self.holder {
            Holder::Optional(get, _) => get(s).as_ref().filter(|_| i == 0),
            Holder::Always(get, _) => (i == 0).then(|| get(s)),
            Holder::List(get, ..) => get(s).get(i),
        }
    }

    fn entry_mut<'s>(&self, s: &'s mut Scenario, i: usize) -> Option<&'s mut S> {
        match &self.holder {
            Holder::Optional(_, slot) => slot(s).as_mut().filter(|_| i == 0),
            Holder::Always(_, slot) => (i == 0).then(|| slot(s)),
            Holder::List(_, slot, ..) => slot(s).get_mut(i),
        }
    }
}

impl<S: Default + 'static> SectionRow for Row<S> {
    fn section(&self) -> Section {
        self.section
    }

    fn field_count(&self) -> usize {
        self.fields.len()
    }

    fn field(&self, i: usize) -> FieldInfo {
        let f = &self.fields[i];
        FieldInfo {
            key: f.key,
            kind: f.kind,
            zero_ok: f.zero_ok,
            doc: f.doc,
        }
    }

    fn len(&self, s: &Scenario) -> usize {
        match &self.holder {
            Holder::Optional(get, _) => usize::from(get(s).is_some()),
            Holder::Always(..) => 1,
            Holder::List(get, ..) => get(s).len(),
        }
    }

    fn name<'s>(&self, s: &'s Scenario, i: usize) -> Option<&'s str> {
        match &self.holder {
            Holder::List(get, _, name, _) => get(s).get(i).map(name),
            _ => None,
        }
    }

    fn get(&self, s: &Scenario, entry: usize, field: usize) -> Option<Value> {
        let f = self.fields.get(field)?;
        (f.get)(self.entry(s, entry)?)
    }

    fn set(&self, s: &mut Scenario, entry: usize, field: usize, value: Value) {
        if let (Some(f), Some(e)) = (self.fields.get(field), self.entry_mut(s, entry)) {
            (f.set)(e, value);
        }
    }

    fn set_number(&self, s: &mut Scenario, entry: usize, field: usize, x: f64) {
        if let (Some(f), Some(e)) = (self.fields.get(field), self.entry_mut(s, entry)) {
            (f.set_number)(e, x);
        }
    }

    fn clear(&self, s: &mut Scenario, entry: usize, field: usize) {
        if let (Some(f), Some(e)) = (self.fields.get(field), self.entry_mut(s, entry)) {
            (f.clear)(e);
        }
    }

    fn create(&self, s: &mut Scenario, name: Option<&str>) -> usize {
        match &self.holder {
            Holder::Optional(_, slot) => {
                slot(s).get_or_insert_with(S::default);
                0
            }
            Holder::Always(..) => 0,
            Holder::List(_, slot, _, set_name) => {
                let mut entry = S::default();
                set_name(&mut entry, name.unwrap_or_default());
                let list = slot(s);
                list.push(entry);
                list.len() - 1
            }
        }
    }

    fn read(&self, reader: &mut Reader<'_>, value: &Spanned<DeValue<'_>>) {
        match &self.holder {
            Holder::Optional(_, slot) => {
                if let Some(table) = reader.table(value, self.section.key()) {
                    let section =
                        reader.section(table, self.fields, &SectionPath::new(self.section, None));
                    *slot(reader.scenario()) = Some(section);
                }
            }
            Holder::Always(_, slot) => {
                if let Some(table) = reader.table(value, self.section.key()) {
                    let section =
                        reader.section(table, self.fields, &SectionPath::new(self.section, None));
                    *slot(reader.scenario()) = section;
                }
            }
            Holder::List(_, slot, name, set_name) => {
                let list = reader.list(value, self.section, self.fields, *name, *set_name);
                *slot(reader.scenario()) = list;
            }
        }
    }

    fn check(&self, f: &mut Findings<'_>) {
        (self.check)(f)
    }
}

/// Every input section, in the order a scenario file lists them and reports show them.
pub static ROWS: [&dyn SectionRow; 19] = [
    &sections::traffic::ROW,
    &sections::corpus::ROW,
    &sections::embeddings::ROW,
    &sections::index::ROW,
    &sections::stage::ROW,
    &sections::serving::ROW,
    &sections::logging::ROW,
    &sections::logging::LOG_ROW,
    &sections::graph::ROW,
    &sections::text_index::ROW,
    &sections::training::ROW,
    &sections::embedding_table::ROW,
    &sections::sampling::ROW,
    &sections::feature_store::ROW,
    &sections::experiment::ROW,
    &sections::labelling::ROW,
    &sections::cache::ROW,
    &sections::llm::ROW,
    &sections::diffusion::ROW,
];

/// The row of `section`. `[meta]` has none: it holds no inputs.
pub fn row(section: Section) -> &'static dyn SectionRow {
    ROWS.iter()
        .copied()
        .find(|r| r.section() == section)
        .unwrap_or(ROWS[0])
}

/// Where an input is, found once by its path, to be read and set many times without reading the
/// path again: a Monte Carlo sample or a sweep step costs an index and a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputRef {
    /// The section's index in [`ROWS`].
    row: usize,
    /// The entry's index in a list section, else 0.
    entry: usize,
    /// The field's index in its section's table.
    field: usize,
    /// The field's kind.
    pub kind: FieldKind,
}

/// Finds the input at `path` in `s`: `None` when the scenario has no such section or entry.
pub fn resolve(s: &Scenario, path: &InputPath) -> Option<InputRef> {
    let index = ROWS.iter().position(|r| r.section() == path.section)?;
    let row = ROWS[index];
    let entry = row.find(s, path.entry.as_deref())?;
    let (field, info) = row.field_named(path.key)?;
    Some(InputRef {
        row: index,
        entry,
        field,
        kind: info.kind,
    })
}

impl InputRef {
    pub fn get(self, s: &Scenario) -> Option<Value> {
        ROWS[self.row].get(s, self.entry, self.field)
    }

    /// Sets this input to `value`; a value of another type is ignored. Marks nothing and checks
    /// nothing.
    pub fn set(self, s: &mut Scenario, value: Value) {
        ROWS[self.row].set(s, self.entry, self.field, value);
    }

    /// [`InputRef::set`] with a number, in the kind's base unit, without making a [`Value`]:
    /// the fast path for samples and sweeps.
    pub fn set_number(self, s: &mut Scenario, x: f64) {
        ROWS[self.row].set_number(s, self.entry, self.field, x);
    }
}

/// Calls `visit` with every input present in `s` and its path, in file order.
pub fn for_each_input(s: &Scenario, mut visit: impl FnMut(&InputPath, FieldInfo)) {
    for row in ROWS {
        for entry in row.entries(s) {
            for (_, info) in row.inputs() {
                visit(&entry.input(info.key), info);
            }
        }
    }
}

/// Every input path present in `s`, in file order.
pub fn paths(s: &Scenario) -> Vec<InputPath> {
    let mut out = Vec::new();
    for_each_input(s, |p, _| out.push(p.clone()));
    out
}

//! A name that picks an entry of one of napkin's tables (`model = "llama-3.1-70b"`,
//! `device = "H100"`), looked up once when it is read or set: an estimate, and each Monte Carlo
//! sample, then reads the entry without searching the table's names again.

use super::schema::{Slot, Value};
use crate::accelerators::{self, Accelerator};
use crate::models::{self, Model};
use std::fmt;

/// A table whose entries are found by name.
pub trait Table: fmt::Debug + PartialEq + Sync + 'static {
    /// The entry called `name` or one of its aliases, ignoring case.
    fn find(name: &str) -> Option<&'static Self>;
}

impl Table for Accelerator {
    fn find(name: &str) -> Option<&'static Self> {
        accelerators::find(name)
    }
}

impl Table for Model {
    fn find(name: &str) -> Option<&'static Self> {
        models::find(name)
    }
}

/// A name as written, and the entry of `T`'s table it names (`None` for an unknown name, which
/// the checks report).
#[derive(Clone, Debug, PartialEq)]
pub struct Named<T: Table> {
    name: String,
    found: Option<&'static T>,
}

impl<T: Table> Named<T> {
    pub fn new(name: impl Into<String>) -> Named<T> {
        let name = name.into();
        Named {
            found: T::find(&name),
            name,
        }
    }

    /// The name as written.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The entry it names.
    pub fn found(&self) -> Option<&'static T> {
        self.found
    }
}

impl<T: Table> Slot for Named<T> {
    fn get_value(&self) -> Option<Value> {
        Some(Value::Text(self.name.clone()))
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Text(t) => Some(Named::new(t)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_finds_its_entry_when_set_and_keeps_its_spelling() {
        let h100: Named<Accelerator> = Slot::from_value(Value::Text("h100".into())).unwrap();
        assert_eq!(h100.name(), "h100");
        assert_eq!(h100.found(), accelerators::find("H100"));
        assert!(h100.found().is_some());
        assert_eq!(h100.get_value(), Some(Value::Text("h100".into())));
        let unknown = Named::<Model>::new("llama-9");
        assert_eq!((unknown.name(), unknown.found()), ("llama-9", None));
        assert!(Named::<Model>::from_value(Value::Num(1.0)).is_none());
    }
}

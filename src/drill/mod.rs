//! Estimation drills: questions drawn from the presets, answers read with their units, scores on
//! a log scale, feedback that walks the derivation, and progress kept in the user's data
//! directory.
//!
//! [`templates`] lists the kinds of question as data; [`question`] draws a question from a
//! template and a case study, and [`phrase`] says its inputs; [`walk`] asks a whole case study in
//! interview order; [`answer`] reads answers and notices unit slips; [`score`] scores them;
//! [`chain`] gathers the whole chain of working behind an output; [`follow`] judges a walk's
//! step against the candidate's own earlier answers; [`slips`] names the known mistake an answer
//! matches, by working it out; [`feedback`] and [`coach`] explain; [`history`] keeps every answer
//! (JSON Lines, append-only); [`stats`] summarises progress per [`skill`] and case study;
//! [`session`] runs a plain-text session. [`genai`] holds the generative side's templates,
//! phrases and slips.

pub mod answer;
pub mod chain;
pub mod coach;
pub mod feedback;
pub mod follow;
pub mod genai;
pub mod history;
pub mod interview;
pub mod phrase;
pub mod question;
pub mod review;
pub mod score;
pub mod scorecard;
pub mod session;
pub mod skill;
pub mod slips;
pub mod stats;
pub mod templates;
pub mod walk;

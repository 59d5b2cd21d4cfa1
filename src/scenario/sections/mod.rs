//! One file per input section: its type, its field table, its checks and its registry row
//! ([`super::registry::ROWS`] lists them in file order).

pub mod cache;
pub mod corpus;
pub mod diffusion;
pub mod embedding_table;
pub mod embeddings;
pub mod experiment;
pub mod feature_store;
pub mod graph;
pub mod index;
pub mod labelling;
pub mod llm;
pub mod logging;
pub mod sampling;
pub mod serving;
pub mod stage;
pub mod text_index;
pub mod traffic;
pub mod training;

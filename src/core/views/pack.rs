//! The evidence pack.

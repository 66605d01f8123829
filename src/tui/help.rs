//! Help's text (placeholder).

//! Field paths (`body[3].content`), built on the stack as a reader descends, and the issue that
//! names one.

use std::fmt;

/// A problem with one field of a document: an error (the document is refused) or a warning (the
/// field was skipped and the rest is shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// Where: `body[3].content`, or empty for the document as a whole.
    pub path: String,
    /// What, in words a publisher understands: `expected string or array`.
    pub message: String,
}

impl fmt::Display for FieldIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "document: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FieldIssue {}

/// A field path; only turned into text when an issue is reported.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub(crate) fn field<'b>(&'b self, name: &'b str) -> Path<'b> {
        Path::Field(self, name)
    }

    pub(crate) fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }

    pub(crate) fn issue(&self, message: impl Into<String>) -> FieldIssue {
        FieldIssue {
            path: self.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

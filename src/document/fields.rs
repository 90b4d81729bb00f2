//! The one set of combinators that every reader of a document format is written with: a field
//! required or optional, a list, an address through the URL policy, and the leaf readers (text,
//! true/false, whole numbers). `null` counts as absent everywhere (publishers' tools write it).
//!
//! A reader is any `FnOnce(&mut Fields, &Json, &Path) -> Result<T>`: the leaf readers below and
//! every format's own readers. Each combinator reads its field itself rather than through another
//! combinator with a closure: measured, the nested closures cost 0.5 KiB gzip of wasm.

use std::rc::Rc;

use super::path::{FieldIssue, Path};
use super::{MAX_LIST_LENGTH, MAX_NESTING};
use crate::core::json::Json;
use crate::core::model::{Footnote, Text};
use crate::core::url_policy::{self, SafeUrl, UrlUse};

/// What every reader returns: the value, or the issue that refuses the document.
pub(crate) type Result<T> = std::result::Result<T, FieldIssue>;

/// The walk's state: the base addresses resolve against, and the warnings collected so far.
pub(crate) struct Fields<'b> {
    base: Option<&'b str>,
    warnings: Vec<FieldIssue>,
    /// How many boxes, details and lists the reader is inside.
    depth: usize,
    /// The footnote references met so far, with where: checked against `notes` at the end.
    note_refs: Vec<(Text, String)>,
    /// Footnotes found in publishers' HTML bodies, for the article's `notes`.
    html_notes: Vec<Footnote>,
}

impl<'b> Fields<'b> {
    pub(crate) fn new(base: Option<&'b str>) -> Self {
        Fields {
            base,
            warnings: Vec::new(),
            depth: 0,
            note_refs: Vec::new(),
            html_notes: Vec::new(),
        }
    }

    /// The document's own address, which addresses in it resolve against.
    pub(crate) fn base(&self) -> Option<&'b str> {
        self.base
    }

    pub(crate) fn into_warnings(self) -> Vec<FieldIssue> {
        self.warnings
    }

    /// Records a skipped or repaired field; the document is still shown.
    pub(crate) fn warn(&mut self, path: &Path, message: impl Into<String>) {
        self.warnings.push(path.issue(message));
    }

    /// Reads a part nested in another (a box's blocks, a list under a list item) one level
    /// deeper; past [`MAX_NESTING`] levels it is skipped with a warning, so no document can make
    /// the renderer recurse without bound.
    pub(crate) fn nested<T>(
        &mut self,
        path: &Path,
        read: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<Option<T>> {
        if self.depth >= MAX_NESTING {
            // The message names the bound (checked below, at compile time).
            const _: () = assert!(MAX_NESTING == 8);
            self.warn(path, "nested more than 8 levels deep; skipped");
            return Ok(None);
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value.map(Some)
    }

    /// Keeps footnotes found in an HTML body (an id already there keeps its first note).
    pub(crate) fn add_notes(&mut self, notes: Vec<Footnote>) {
        for note in notes {
            if !self.html_notes.iter().any(|n| n.id == note.id) {
                self.html_notes.push(note);
            }
        }
    }

    /// The footnotes found in HTML bodies, for the article.
    pub(crate) fn take_notes(&mut self) -> Vec<Footnote> {
        std::mem::take(&mut self.html_notes)
    }

    /// Notes a reference to the footnote `id` at `path`.
    pub(crate) fn refer_to_note(&mut self, id: &Text, path: &Path) {
        self.note_refs.push((id.clone(), path.to_string()));
    }

    /// Warns of every reference to a footnote that `exists` does not know (it shows as text).
    pub(crate) fn check_note_refs(&mut self, exists: impl Fn(&str) -> bool) {
        for (id, path) in std::mem::take(&mut self.note_refs) {
            if !exists(&id) {
                self.warnings.push(FieldIssue {
                    path,
                    message: "no note with this id in notes; shown as text".into(),
                });
            }
        }
    }

    /// The field `key` of `map`, read by `read`; missing is an error.
    pub(crate) fn req<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnOnce(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<T> {
        let field = path.field(key);
        let value = present(map, key).ok_or_else(|| field.issue("missing"))?;
        read(self, value, &field)
    }

    /// An optional text field that must be one of `allowed`; another value is left out with a
    /// warning that names them.
    pub(crate) fn opt_one_of(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        allowed: &[&str],
    ) -> Result<Option<Text>> {
        let value = self.opt(map, key, path, Fields::string)?;
        if value.as_deref().is_some_and(|v| !allowed.contains(&v)) {
            let mut names = String::from("expected ");
            for (i, name) in allowed.iter().enumerate() {
                if i > 0 {
                    names.push_str(if i + 1 == allowed.len() { " or " } else { ", " });
                }
                names.push('"');
                names.push_str(name);
                names.push('"');
            }
            names.push_str("; ignored");
            self.warn(&path.field(key), names);
            return Ok(None);
        }
        Ok(value)
    }

    /// The field `key` of `map`, read by `read` when present.
    pub(crate) fn opt<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnOnce(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Option<T>> {
        present(map, key)
            .map(|v| read(self, v, &path.field(key)))
            .transpose()
    }

    /// A list field whose every item is read by `read`; missing is an error.
    pub(crate) fn req_list<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnMut(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Rc<[T]>> {
        let field = path.field(key);
        let value = present(map, key).ok_or_else(|| field.issue("missing"))?;
        self.list(value, &field, read)
    }

    /// A list field; missing is the empty list.
    pub(crate) fn opt_list<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnMut(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Rc<[T]>> {
        match present(map, key) {
            Some(value) => self.list(value, &path.field(key), read),
            None => Ok(Rc::new([])),
        }
    }

    /// Every item of an array, each at its own index in the path.
    pub(crate) fn list<T>(
        &mut self,
        value: &Json,
        path: &Path,
        mut read: impl FnMut(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Rc<[T]>> {
        array(value, path)?
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, item, &path.index(i)))
            .collect()
    }

    /// An optional address: must be a string when present; one the URL policy refuses is dropped
    /// with a warning (the text around it still shows).
    pub(crate) fn opt_url(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
    ) -> Result<Option<SafeUrl>> {
        Ok(self.opt(map, key, path, Self::url)?.flatten())
    }

    /// A required address: missing or mistyped is an error, a refused one is dropped as above.
    pub(crate) fn req_url(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
    ) -> Result<Option<SafeUrl>> {
        self.req(map, key, path, Self::url)
    }

    /// An address value, resolved against the document's base; `None` (with a warning) when the
    /// URL policy refuses it.
    pub(crate) fn url(&mut self, value: &Json, path: &Path) -> Result<Option<SafeUrl>> {
        let raw = Self::string(self, value, path)?;
        let url = url_policy::resolve(&raw, self.base, UrlUse::Web);
        if url.is_none() {
            self.warn(path, "not an http or https address; dropped");
        }
        Ok(url)
    }

    /// A text value.
    pub(crate) fn string(&mut self, value: &Json, path: &Path) -> Result<Text> {
        value
            .as_str()
            .map(Text::from)
            .ok_or_else(|| path.issue("expected string"))
    }

    /// A true/false value.
    pub(crate) fn boolean(&mut self, value: &Json, path: &Path) -> Result<bool> {
        value
            .as_bool()
            .ok_or_else(|| path.issue("expected true or false"))
    }

    /// A whole number, 0 or more.
    pub(crate) fn whole_number(&mut self, value: &Json, path: &Path) -> Result<u64> {
        value
            .as_whole_number()
            .ok_or_else(|| path.issue("expected a whole number, 0 or more"))
    }
}

/// What a field holds once `null` is read as "absent".
pub(crate) fn present<'v>(map: &'v Json, key: &str) -> Option<&'v Json> {
    map.get(key).filter(|v| !v.is_null())
}

/// `value` itself when it is an object.
pub(crate) fn object<'v>(value: &'v Json, path: &Path) -> Result<&'v Json> {
    if value.is_object() {
        Ok(value)
    } else {
        Err(path.issue("expected object"))
    }
}

/// The items of an array, at most [`MAX_LIST_LENGTH`] of them.
pub(crate) fn array<'v>(value: &'v Json, path: &Path) -> Result<&'v [Json]> {
    let items = value
        .as_array()
        .ok_or_else(|| path.issue("expected array"))?;
    if items.len() > MAX_LIST_LENGTH {
        return Err(path.issue(format!("more than {MAX_LIST_LENGTH} items")));
    }
    Ok(items)
}

/// A number that may not fit: the largest `u32` then (widths and heights).
pub(crate) fn clamp_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A shortened copy of a document value for a message, so a hostile megabyte never fills the view.
pub(crate) fn truncate(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

//! A first pass over the markup, before either parser sees it: every attribute outside the
//! allowlist is removed from every tag, and the elements whose content is code or styling
//! (`script`, `style`, `noscript` …) are removed with their content.
//!
//! Why: a browser applies the host page's Content Security Policy even to a document parsed by an
//! inert `DOMParser`, so `onerror="…"`, `style="…"` or `<style>` in an article's HTML would make
//! the host page log — and report — violations, although nothing runs. After this pass there is
//! nothing to report. It is not what keeps the reader safe: the allowlist mapping over the parsed
//! tree does that whatever this pass misses, and both parsers get the same pruned text.

use super::KEPT_ATTRIBUTES;

/// Elements removed with everything up to their end tag.
const DROPPED_WITH_CONTENT: [&str; 9] = [
    "script", "style", "noscript", "template", "xmp", "noembed", "noframes", "textarea", "title",
];

/// `markup` with only allowlisted attributes, and without code or style elements.
pub fn prune(markup: &str) -> String {
    let bytes = markup.as_bytes();
    let mut out = String::with_capacity(markup.len());
    let mut i = 0;
    while let Some(offset) = markup[i..].find('<') {
        let start = i + offset;
        out.push_str(&markup[i..start]);
        i = start;
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if markup[i..].starts_with("<!--") {
            // A comment: dropped (neither parser keeps it).
            i = markup[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |end| i + 4 + end + 3);
        } else if next == b'!' || next == b'?' {
            i = markup[i..].find('>').map_or(bytes.len(), |end| i + end + 1);
        } else if next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, after) = tag_name(markup, i + 2);
            out.push_str("</");
            out.push_str(&name);
            out.push('>');
            i = markup[after..]
                .find('>')
                .map_or(bytes.len(), |end| after + end + 1);
        } else if next.is_ascii_alphabetic() {
            let (name, after) = tag_name(markup, i + 1);
            let (attributes, end) = attributes(markup, after);
            if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
                i = end_of_element(markup, end, &name);
                continue;
            }
            out.push('<');
            out.push_str(&name);
            for (key, value) in attributes {
                out.push(' ');
                out.push_str(&key);
                out.push_str("=\"");
                out.push_str(&value.replace('"', "&quot;"));
                out.push('"');
            }
            out.push('>');
            i = end;
        } else {
            out.push('<');
            i += 1;
        }
    }
    out.push_str(&markup[i..]);
    out
}

/// A tag name from `from`, lower-cased, and where it ends.
fn tag_name(markup: &str, from: usize) -> (String, usize) {
    let rest = &markup[from..];
    let len = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    (rest[..len].to_ascii_lowercase(), from + len)
}

/// The allowlisted attributes of a start tag whose name ends at `from`, and where the tag ends.
fn attributes(markup: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let bytes = markup.as_bytes();
    let mut kept = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (kept, i);
        }
        if bytes[i] == b'>' {
            return (kept, i + 1);
        }
        // The name: up to white space, `/`, `>` or `=` (a leading `=` belongs to it).
        let name_start = i;
        i += 1;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'/' | b'>' | b'=')
        {
            i += 1;
        }
        let name = markup[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = markup[j + 1..]
                        .find(quote as char)
                        .map_or(bytes.len(), |e| j + 1 + e);
                    value = markup[j + 1..end].to_owned();
                    j = (end + 1).min(bytes.len());
                }
                _ => {
                    let start = j;
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    value = markup[start..j].to_owned();
                }
            }
            i = j;
        }
        if KEPT_ATTRIBUTES.contains(&name.as_str()) && !kept.iter().any(|(k, _)| *k == name) {
            kept.push((name, value));
        }
    }
}

/// Where the element `name` whose start tag ends at `from` ends: after its end tag, or at the end.
fn end_of_element(markup: &str, from: usize, name: &str) -> usize {
    let lower = markup[from..].to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(at) => {
            let after = from + at + close.len();
            markup[after..]
                .find('>')
                .map_or(markup.len(), |end| after + end + 1)
        }
        None => markup.len(),
    }
}

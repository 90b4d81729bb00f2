//! The one URL policy: every link, image and media address in the widget comes from here.
//!
//! An address from a document is only ever used after the WHATWG URL parser (the browser's own
//! in wasm, the `url` crate natively, which implements the same standard) has resolved it against
//! the document's own URL, and only when the result is `http:` or `https:`. Everything else
//! (`javascript:`, `data:`, `vbscript:`, `file:`, unparsable text) is dropped, so the caller shows the
//! text without a link or image. `mailto:` is accepted only for the email share target, which the
//! widget builds itself.

use std::fmt;
use std::rc::Rc;

/// What an address will be used for; it decides which schemes are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A link, image, audio source or document address: `http:` and `https:` only.
    Web,
    /// The widget's own "Share by email" link: `mailto:` only.
    Email,
}

/// An absolute address that passed the policy. It can only be made by [`resolve`], so holding one
/// is proof the check ran; rendering code takes this type, never a raw string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SafeUrl(Rc<str>);

impl SafeUrl {
    /// The serialized (normalised, absolute) form, ready for an `href` or `src` attribute.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host, without a leading `www.` ("mastodon.social"): how readers name a site.
    pub fn site_name(&self) -> &str {
        let rest = self.0.split_once("://").map_or(&*self.0, |(_, rest)| rest);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = authority.rsplit('@').next().unwrap_or(authority);
        let host = host.split(':').next().unwrap_or(host);
        host.strip_prefix("www.").unwrap_or(host)
    }

    /// The shared string, for cheap attribute values.
    pub fn as_rc(&self) -> &Rc<str> {
        &self.0
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for SafeUrl {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Resolves `raw` against `base` with the WHATWG URL parser and returns it only if its scheme is
/// allowed for `usage`. `base` is the document's own URL; without a usable base only absolute
/// addresses resolve.
pub fn resolve(raw: &str, base: Option<&str>, usage: UrlUse) -> Option<SafeUrl> {
    let (protocol, href) = parse(raw, base)?;
    let allowed = match usage {
        UrlUse::Web => protocol == "http:" || protocol == "https:",
        UrlUse::Email => protocol == "mailto:",
    };
    allowed.then(|| SafeUrl(href.into()))
}

/// Parses with the browser's URL parser; returns `(protocol, href)`. (In a module of its own so
/// that `make mutants`, which runs natively, can leave it out by name.)
#[cfg(target_arch = "wasm32")]
mod browser {
    pub(super) fn parse(raw: &str, base: Option<&str>) -> Option<(String, String)> {
        let parsed = match base {
            Some(base) => web_sys::Url::new_with_base(raw, base)
                .or_else(|_| web_sys::Url::new(raw))
                .ok()?,
            None => web_sys::Url::new(raw).ok()?,
        };
        Some((parsed.protocol(), parsed.href()))
    }
}
#[cfg(target_arch = "wasm32")]
use browser::parse;

/// Parses with the `url` crate, the same WHATWG algorithm the browser runs.
#[cfg(not(target_arch = "wasm32"))]
fn parse(raw: &str, base: Option<&str>) -> Option<(String, String)> {
    let base = base.and_then(|b| url::Url::parse(b).ok());
    let parsed = url::Url::options()
        .base_url(base.as_ref())
        .parse(raw)
        .ok()?;
    Some((format!("{}:", parsed.scheme()), parsed.into()))
}

/// The name/value pairs of a query string (`application/x-www-form-urlencoded`: `+` is a space,
/// `%XX` a byte, invalid UTF-8 replaced), in order, a leading `?` skipped.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            (form_decode(name), form_decode(value))
        })
        .collect()
}

fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Option<&str> = Some("https://news.example/api/story.json");

    fn web(raw: &str) -> Option<String> {
        resolve(raw, BASE, UrlUse::Web).map(|u| u.to_string())
    }

    #[test]
    fn absolute_http_and_https_pass_normalised() {
        assert_eq!(
            web("https://Example.org/a b").as_deref(),
            Some("https://example.org/a%20b")
        );
        assert_eq!(
            web("http://example.org").as_deref(),
            Some("http://example.org/")
        );
    }

    #[test]
    fn relative_addresses_resolve_against_the_document() {
        assert_eq!(
            web("../img/lead.jpg").as_deref(),
            Some("https://news.example/img/lead.jpg")
        );
        assert_eq!(
            web("//cdn.example/x.png").as_deref(),
            Some("https://cdn.example/x.png")
        );
        assert_eq!(
            web("?page=2").as_deref(),
            Some("https://news.example/api/story.json?page=2")
        );
    }

    #[test]
    fn script_and_local_schemes_are_dropped_whatever_their_disguise() {
        for raw in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "blob:https://news.example/1",
            "about:blank",
            "mailto:a@example.org",
        ] {
            assert_eq!(web(raw), None, "{raw:?} must be dropped");
        }
    }

    #[test]
    fn unparsable_text_is_dropped() {
        assert_eq!(resolve("http://[::1", BASE, UrlUse::Web), None);
        assert_eq!(resolve("not a url", None, UrlUse::Web), None);
    }

    #[test]
    fn mailto_only_for_the_email_target() {
        assert!(resolve("mailto:?subject=a", None, UrlUse::Email).is_some());
        assert!(resolve("https://example.org", None, UrlUse::Email).is_none());
    }
}

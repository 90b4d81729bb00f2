//! The one error type of the widget: every way loading or showing an article can fail, each with a
//! message a reader understands.

use std::fmt;

use crate::document::DecodeError;
use crate::reader::i18n::{fill, Ui};

/// Why an article is not shown. `Display` is the reader-facing message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderError {
    /// No document was given: an `<article-reader>` whose `src` is missing or blank and that has
    /// no inline document (a host template that left `src=""`). Never the built-in sample.
    NoArticle,
    /// The `src` given to the widget is not an http(s) address.
    BadSource,
    /// The request never got an answer (DNS, CORS refused, connection reset).
    Network,
    /// No connection (the browser says so, or the service worker found no network), and the
    /// article is not saved for offline reading.
    Offline,
    /// No complete answer within the time limit.
    Timeout { seconds: u32 },
    /// The server answered with a status outside 200–299; `retry_after` is its `Retry-After` in
    /// seconds, when it gave one.
    Http {
        status: u16,
        retry_after: Option<u32>,
    },
    /// The answer started but broke off before the end (connection reset, truncated body).
    Interrupted,
    /// The answer is of a type that cannot be an article (`image/png`, `text/css` …).
    WrongType { mime: String },
    /// The answer is not JSON; `html` when it looks like a web page (a login or error page).
    NotJson { html: bool },
    /// The answer is larger than the reader accepts.
    TooLarge,
    /// The document is not a valid article: a field is wrong, or JSON that breaks off (its line
    /// and column said).
    Invalid(DecodeError),
    /// Saving for offline reading failed: the browser's storage for the reader is full.
    StorageFull,
    /// Saving for offline reading is not possible here (private window, storage switched off).
    StorageUnavailable,
    /// A part of the reader that is loaded on demand (the publishers' formats) could not be
    /// fetched or started: offline before it was ever cached, or blocked.
    PartMissing,
    /// Something inside the widget failed; the detail goes to the console.
    Internal,
}

impl fmt::Display for ReaderError {
    /// The English message (the CLI's and the console's words).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&Ui::default()))
    }
}

impl ReaderError {
    /// The message in the UI's language. A broken document's detail (a field path and what is
    /// wrong with it) is for its publisher and stays in English: [`ReaderError::detail`].
    pub fn message(&self, ui: &Ui) -> String {
        let w = ui.words;
        match self {
            ReaderError::NoArticle => w.no_article.into(),
            ReaderError::BadSource => w.bad_source.into(),
            ReaderError::Network => w.network.into(),
            ReaderError::Offline => w.offline.into(),
            ReaderError::Timeout { seconds } => ui.count(&w.timeout, u64::from(*seconds)),
            ReaderError::Http {
                status,
                retry_after,
            } => {
                let template = match status {
                    404 | 410 => w.http_not_found,
                    401 | 403 => w.http_forbidden,
                    429 => w.http_busy,
                    500..=599 => w.http_server,
                    _ => w.http_other,
                };
                let mut text = fill(template, "status", &status.to_string());
                let retry = match retry_after {
                    Some(0) | None if *status == 429 => Some(w.retry_wait.to_owned()),
                    Some(s) if *s < 90 => Some(ui.count(&w.retry_seconds, u64::from(*s))),
                    Some(s) => Some(ui.count(&w.retry_minutes, u64::from(s.div_ceil(60)))),
                    None => None,
                };
                if let Some(retry) = retry {
                    text.push(' ');
                    text.push_str(&retry);
                }
                text
            }
            ReaderError::Interrupted => w.interrupted.into(),
            ReaderError::WrongType { mime } => fill(w.wrong_type, "type", mime),
            ReaderError::NotJson { html: true } => w.web_page.into(),
            ReaderError::NotJson { html: false } => w.not_json.into(),
            ReaderError::TooLarge => w.too_large.into(),
            ReaderError::Invalid(issue) if ui.words.code == "en" => {
                format!("{} {issue}", w.invalid)
            }
            ReaderError::Invalid(_) => w.invalid.into(),
            ReaderError::StorageFull => w.storage_full.into(),
            ReaderError::StorageUnavailable => w.storage_unavailable.into(),
            ReaderError::PartMissing => w.part_missing.into(),
            ReaderError::Internal => w.internal.into(),
        }
    }

    /// A stable name for the kind of failure (the element's `article-reader:error` detail `kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            ReaderError::NoArticle => "no-article",
            ReaderError::BadSource => "bad-source",
            ReaderError::Network => "network",
            ReaderError::Offline => "offline",
            ReaderError::Timeout { .. } => "timeout",
            ReaderError::Http { .. } => "http",
            ReaderError::Interrupted => "interrupted",
            ReaderError::WrongType { .. } => "wrong-type",
            ReaderError::NotJson { .. } => "not-json",
            ReaderError::TooLarge => "too-large",
            ReaderError::Invalid(_) => "invalid",
            ReaderError::StorageFull => "storage-full",
            ReaderError::StorageUnavailable => "storage-unavailable",
            ReaderError::PartMissing => "part-missing",
            ReaderError::Internal => "internal",
        }
    }

    /// The server's HTTP status, where the failure is one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ReaderError::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The field path of an invalid document (`body[3].content`; empty for the whole document).
    pub fn path(&self) -> Option<&str> {
        match self {
            ReaderError::Invalid(DecodeError::Field(issue)) => Some(&issue.path),
            _ => None,
        }
    }

    /// The technical detail shown after the message in a UI that is not English (the decoder's
    /// words, for the document's publisher), marked as English where it is shown.
    pub fn detail(&self, ui: &Ui) -> Option<String> {
        match self {
            ReaderError::Invalid(issue) if ui.words.code != "en" => Some(issue.to_string()),
            _ => None,
        }
    }
}

impl std::error::Error for ReaderError {}

impl ReaderError {
    /// Classifies a document that failed to decode: text that is not JSON and does not even start
    /// like an object is not an article at all (and one that starts with `<` is a web page, a
    /// login or error page); JSON that breaks off or has a wrong field is a broken article, whose
    /// message says where.
    pub fn from_decode(body: &str, error: DecodeError) -> ReaderError {
        match error {
            DecodeError::TooLarge => ReaderError::TooLarge,
            DecodeError::NotJson(_) => {
                let start = body.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
                if start.starts_with('{') {
                    ReaderError::Invalid(error)
                } else {
                    ReaderError::NotJson {
                        html: start.starts_with('<'),
                    }
                }
            }
            DecodeError::Field(_) => ReaderError::Invalid(error),
        }
    }
}

/// Checks a `Content-Type` before the body is read: JSON types, `text/plain` and
/// `application/octet-stream` (what many static hosts send for `.json`) may hold an article; a web
/// page or any other type cannot.
pub fn check_content_type(content_type: &str) -> Result<(), ReaderError> {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "" | "application/json" | "text/json" | "text/plain" | "application/octet-stream" => Ok(()),
        json if json.ends_with("+json") => Ok(()),
        "text/html" | "application/xhtml+xml" => Err(ReaderError::NotJson { html: true }),
        _ => Err(ReaderError::WrongType {
            mime: essence.chars().take(60).collect(),
        }),
    }
}

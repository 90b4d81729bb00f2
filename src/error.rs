//! The one error type of the widget: every way loading or showing an article can fail, each with a
//! message a reader understands.

use std::fmt;

use crate::decode::DecodeError;

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
    /// Something inside the widget failed; the detail goes to the console.
    Internal,
}

impl fmt::Display for ReaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReaderError::NoArticle => f.write_str("No article was given to the reader."),
            ReaderError::BadSource => f.write_str("The article address is not a web (http or https) address."),
            ReaderError::Network => {
                f.write_str("The article could not be reached. Check your connection, then try again.")
            }
            ReaderError::Offline => f.write_str(
                "You are offline, and this article is not saved for offline reading. \
                 Connect to the internet, then try again.",
            ),
            ReaderError::Timeout { seconds } => {
                write!(f, "The server did not send the article within {seconds} seconds.")
            }
            ReaderError::Http { status, retry_after } => {
                match status {
                    404 | 410 => write!(f, "This article was not found on the server (error {status}).")?,
                    401 | 403 => write!(f, "The server did not allow access to this article (error {status}).")?,
                    429 => f.write_str("The server is busy with too many requests (error 429).")?,
                    500..=599 => write!(f, "The server had a problem sending this article (error {status}).")?,
                    _ => write!(f, "The server could not send this article (error {status}).")?,
                }
                match retry_after {
                    Some(0) | None if *status == 429 => f.write_str(" Wait a moment, then try again."),
                    Some(s) if *s < 90 => write!(f, " It asks to try again in {s} seconds."),
                    Some(s) => write!(f, " It asks to try again in {} minutes.", s.div_ceil(60)),
                    None => Ok(()),
                }
            }
            ReaderError::Interrupted => {
                f.write_str("The download of the article was interrupted. Check your connection, then try again.")
            }
            ReaderError::WrongType { mime } => {
                write!(f, "The server sent a file of type {mime} instead of the article.")
            }
            ReaderError::NotJson { html: true } => {
                f.write_str("The server sent a web page instead of the article.")
            }
            ReaderError::NotJson { html: false } => {
                f.write_str("The server's answer is not an article document (it is not valid JSON).")
            }
            ReaderError::TooLarge => f.write_str("The article is too large to show."),
            ReaderError::Invalid(issue) => write!(f, "This article document has an error: {issue}"),
            ReaderError::StorageFull => f.write_str(
                "There is not enough storage space to save this article. Remove saved articles, then try again.",
            ),
            ReaderError::StorageUnavailable => {
                f.write_str("This browser does not allow saving articles here.")
            }
            ReaderError::Internal => f.write_str("Something went wrong inside the reader."),
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

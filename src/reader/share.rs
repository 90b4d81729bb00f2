//! Share targets and the addresses of their share intents (pure, tested natively); the browser
//! side (Web Share, clipboard) lives in `browser.rs`.

use crate::core::model::Article;
use crate::core::url_policy::{self, SafeUrl, UrlUse};
use crate::reader::i18n::{fill, Words};

/// A share control the widget can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShareTarget {
    /// The system share sheet (Web Share API), shown only where `navigator.share` exists.
    Native,
    Copy,
    X,
    Facebook,
    LinkedIn,
    WhatsApp,
    Telegram,
    Reddit,
    Email,
}

impl ShareTarget {
    /// Every target in display order: the default when the embedder names none.
    pub const ALL: [ShareTarget; 9] = [
        ShareTarget::Native,
        ShareTarget::Copy,
        ShareTarget::X,
        ShareTarget::Facebook,
        ShareTarget::LinkedIn,
        ShareTarget::WhatsApp,
        ShareTarget::Telegram,
        ShareTarget::Reddit,
        ShareTarget::Email,
    ];

    /// The name used in the `share` attribute.
    pub fn key(self) -> &'static str {
        match self {
            ShareTarget::Native => "native",
            ShareTarget::Copy => "copy",
            ShareTarget::X => "x",
            ShareTarget::Facebook => "facebook",
            ShareTarget::LinkedIn => "linkedin",
            ShareTarget::WhatsApp => "whatsapp",
            ShareTarget::Telegram => "telegram",
            ShareTarget::Reddit => "reddit",
            ShareTarget::Email => "email",
        }
    }

    /// The control's accessible name in the UI's words ("Share on X" in English, as the format
    /// fixes it; "Compartir en X" in Spanish).
    pub fn label(self, words: &Words) -> String {
        match self {
            ShareTarget::Native => words.share.into(),
            ShareTarget::Copy => words.copy_link.into(),
            ShareTarget::Email => words.share_by_email.into(),
            network => fill(words.share_on, "network", network.brand()),
        }
    }

    /// The visible text of an intent link: the network's own name (the accessible name, the
    /// longer label, contains it); the word for email in the UI's language.
    pub fn short_name(self, words: &Words) -> &'static str {
        match self {
            ShareTarget::Email => words.email,
            ShareTarget::Native => words.share,
            ShareTarget::Copy => words.copy_link,
            network => network.brand(),
        }
    }

    /// A network's name, the same in every language.
    fn brand(self) -> &'static str {
        match self {
            ShareTarget::X => "X",
            ShareTarget::Facebook => "Facebook",
            ShareTarget::LinkedIn => "LinkedIn",
            ShareTarget::WhatsApp => "WhatsApp",
            ShareTarget::Telegram => "Telegram",
            ShareTarget::Reddit => "Reddit",
            ShareTarget::Native | ShareTarget::Copy | ShareTarget::Email => "",
        }
    }

    /// Parses a comma list such as `"copy, x,email"`; unknown names are ignored, and `twitter`
    /// and `share` are accepted for `x` and `native`. An empty result means "none".
    pub fn parse_list(list: &str) -> Vec<ShareTarget> {
        let mut out = Vec::new();
        for name in list.split(',').map(|n| n.trim().to_ascii_lowercase()) {
            let target = match name.as_str() {
                "twitter" => Some(ShareTarget::X),
                "share" | "system" => Some(ShareTarget::Native),
                "mail" => Some(ShareTarget::Email),
                name => ShareTarget::ALL.into_iter().find(|t| t.key() == name),
            };
            if let Some(t) = target.filter(|t| !out.contains(t)) {
                out.push(t);
            }
        }
        out
    }
}

/// What is shared: the canonical address, the title and the extra parameters of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharePayload {
    pub url: String,
    pub title: String,
    pub text: Option<String>,
    pub hashtags: Vec<String>,
    pub via: Option<String>,
    /// The publisher's name, for what a shared quote says it is from.
    pub site: Option<String>,
    /// The article's language (a quote is in it).
    pub lang: String,
}

impl SharePayload {
    /// The payload for `article`: its canonical `url`, or `page_url` when it has none.
    pub fn for_article(article: &Article, page_url: &str) -> SharePayload {
        let share = article.share.clone().unwrap_or_default();
        SharePayload {
            url: article
                .url
                .as_ref()
                .map_or_else(|| page_url.to_owned(), |u| u.to_string()),
            title: article.headline.to_string(),
            text: share.text.map(|t| t.to_string()),
            hashtags: share.hashtags.iter().map(|t| t.to_string()).collect(),
            via: share.via.map(|t| t.to_string()),
            site: article.site.as_ref().map(|site| site.name.to_string()),
            lang: article.lang.to_string(),
        }
    }

    /// What sharing `quote` says: the quote in `quoted` (the UI language's quotation marks,
    /// `{quote}`), then the headline and the publisher's name.
    pub fn quote_text(&self, quote: &Quote, quoted: &str) -> String {
        let mut text = crate::reader::i18n::fill(quoted, "quote", &quote.text);
        text.push_str(" — ");
        text.push_str(&self.title);
        if let Some(site) = &self.site {
            text.push_str(", ");
            text.push_str(site);
        }
        text
    }

    /// The address of `target`'s share intent; `None` for the button targets.
    pub fn intent_url(&self, target: ShareTarget) -> Option<SafeUrl> {
        let u = encode(&self.url);
        let title = encode(&self.title);
        let text_or_title = encode(self.text.as_deref().unwrap_or(&self.title));
        let raw = match target {
            ShareTarget::Native | ShareTarget::Copy => return None,
            ShareTarget::X => {
                let mut s = format!("https://x.com/intent/tweet?text={text_or_title}&url={u}");
                if !self.hashtags.is_empty() {
                    s += &format!("&hashtags={}", encode(&self.hashtags.join(",")));
                }
                if let Some(via) = &self.via {
                    s += &format!("&via={}", encode(via));
                }
                s
            }
            ShareTarget::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            ShareTarget::LinkedIn => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={u}")
            }
            ShareTarget::WhatsApp => {
                format!(
                    "https://api.whatsapp.com/send?text={}",
                    encode(&format!("{} {}", self.title, self.url))
                )
            }
            ShareTarget::Telegram => format!("https://t.me/share/url?url={u}&text={text_or_title}"),
            ShareTarget::Reddit => format!("https://www.reddit.com/submit?url={u}&title={title}"),
            ShareTarget::Email => {
                let body = match &self.text {
                    Some(text) => format!("{text}\n\n{}", self.url),
                    None => self.url.clone(),
                };
                let raw = format!("mailto:?subject={title}&body={}", encode(&body));
                return url_policy::resolve(&raw, None, UrlUse::Email);
            }
        };
        url_policy::resolve(&raw, None, UrlUse::Web)
    }
}

/// `encodeURIComponent`: every byte but `A–Z a–z 0–9 - _ . ! ~ * ' ( )` percent-encoded.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The longest quote shared whole in a link; a longer one is linked by its first and last words.
const QUOTE_WORDS_WHOLE: usize = 10;
/// How many words open and close a long quote's link, and how many stand before or after it when
/// its words occur more than once in the article.
const QUOTE_EDGE_WORDS: usize = 4;

/// A quote the reader selected in the article, and what a link to it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The selected words, white space folded.
    pub text: String,
    /// Words just before it (only when its words occur more than once in the article).
    pub before: Option<String>,
    /// Words just after it (likewise).
    pub after: Option<String>,
}

impl Quote {
    /// The quote selected as `selected`, with `before` and `after` the article's text before and
    /// after it, and `whole` the article's whole text: the words around it are kept only where
    /// the quote's words occur more than once (a text fragment then needs them to find it).
    /// `None` when nothing but white space is selected.
    pub fn new(selected: &str, before: &str, after: &str, whole: &str) -> Option<Quote> {
        let text = fold_space(selected);
        if text.is_empty() {
            return None;
        }
        let repeated = fold_space(whole).matches(text.as_str()).nth(1).is_some();
        let edge = |words: Vec<&str>| Some(words.join(" ")).filter(|w| !w.is_empty());
        let (before, after) = if repeated {
            let before_words: Vec<&str> = before.split_whitespace().collect();
            let start = before_words.len().saturating_sub(QUOTE_EDGE_WORDS);
            (
                edge(before_words[start..].to_vec()),
                edge(after.split_whitespace().take(QUOTE_EDGE_WORDS).collect()),
            )
        } else {
            (None, None)
        };
        Some(Quote {
            text,
            before,
            after,
        })
    }

    /// A link to the quote in the article at `url`: the address (without its own fragment) with
    /// a text fragment, `#:~:text=[before-,]start[,end][,-after]`, so a browser that knows text
    /// fragments scrolls to the words and marks them (one that does not opens the article).
    pub fn link(&self, url: &str) -> String {
        let base = url.split('#').next().unwrap_or(url);
        let words: Vec<&str> = self.text.split(' ').collect();
        let mut link = format!("{base}#:~:text=");
        if let Some(before) = &self.before {
            link.push_str(&fragment_encode(before));
            link.push_str("-,");
        }
        if words.len() > QUOTE_WORDS_WHOLE {
            link.push_str(&fragment_encode(&words[..QUOTE_EDGE_WORDS].join(" ")));
            link.push(',');
            link.push_str(&fragment_encode(
                &words[words.len() - QUOTE_EDGE_WORDS..].join(" "),
            ));
        } else {
            link.push_str(&fragment_encode(&self.text));
        }
        if let Some(after) = &self.after {
            link.push_str(",-");
            link.push_str(&fragment_encode(after));
        }
        link
    }
}

/// White space runs as one space, trimmed.
pub fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Percent-encodes a text fragment's term as [`encode`] does, and `-` too (the directive's
/// syntax uses it, as it does `,` and `&`, which `encode` already encodes).
fn fragment_encode(term: &str) -> String {
    encode(term).replace('-', "%2D")
}

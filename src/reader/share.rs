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
        }
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

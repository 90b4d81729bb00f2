//! The list of articles saved for offline reading: what `#saved` shows and which pictures belong to
//! which article. Pure (tested natively); `offline.rs` keeps it in the Cache API beside the
//! documents, so the browser evicts both together or neither.

use crate::core::json::{self, Json};
use crate::core::model::Article;
use crate::core::url_policy::SafeUrl;

/// One saved article.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedEntry {
    /// The document's address: the key of its saved copy, and what the list links to.
    pub url: String,
    pub headline: String,
    pub site: Option<String>,
    /// `published` as written in the document (RFC 3339).
    pub published: Option<String>,
    pub lang: Option<String>,
    /// When it was saved, in milliseconds since 1970.
    pub saved_at: u64,
    /// The picture addresses stored with it.
    pub images: Vec<String>,
    /// The publisher's document has changed since it was saved (the saved version is kept
    /// beside it): the saved list says "Updated".
    pub updated: bool,
}

impl SavedEntry {
    /// The entry for `article` saved from `url` at `saved_at`.
    pub fn new(url: &SafeUrl, article: &Article, saved_at: u64) -> SavedEntry {
        SavedEntry {
            url: url.to_string(),
            headline: article.headline.to_string(),
            site: article.site.as_ref().map(|s| s.name.to_string()),
            published: article.published.as_ref().map(|d| d.text().to_owned()),
            lang: Some(article.lang.to_string()),
            saved_at,
            images: article.image_urls().iter().map(|u| u.to_string()).collect(),
            updated: false,
        }
    }
}

impl SavedEntry {
    /// An entry as the index (or a backup) stores it; `None` without its address or headline.
    pub fn from_json(e: &Json) -> Option<SavedEntry> {
        let text = |key: &str| e.get(key).and_then(Json::as_str).map(str::to_owned);
        Some(SavedEntry {
            url: text("url")?,
            headline: text("headline")?,
            site: text("site"),
            published: text("published"),
            lang: text("lang"),
            saved_at: e
                .get("saved_at")
                .and_then(Json::as_whole_number)
                .unwrap_or(0),
            images: e
                .get("images")
                .and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            updated: e.get("updated").and_then(Json::as_bool).unwrap_or(false),
        })
    }

    /// Writes the stored form of the entry (a JSON object) to `out`.
    pub fn write_json(&self, out: &mut String) {
        out.push('{');
        let fields = [
            ("url", Some(&self.url)),
            ("headline", Some(&self.headline)),
            ("site", self.site.as_ref()),
            ("published", self.published.as_ref()),
            ("lang", self.lang.as_ref()),
        ];
        for (name, value) in fields {
            if let Some(value) = value {
                json::write_string(out, name);
                out.push(':');
                json::write_string(out, value);
                out.push(',');
            }
        }
        if self.updated {
            out.push_str("\"updated\":true,");
        }
        out.push_str(&format!("\"saved_at\":{},\"images\":[", self.saved_at));
        for (j, image) in self.images.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            json::write_string(out, image);
        }
        out.push_str("]}");
    }
}

/// All saved articles, in the order they were saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavedIndex {
    pub entries: Vec<SavedEntry>,
}

impl SavedIndex {
    /// Reads a stored index; anything unreadable is an empty index (the documents stay cached and
    /// are re-listed when saved again), never an error in the reader's way.
    pub fn from_json(text: &str) -> SavedIndex {
        let Ok(root) = json::parse(text) else {
            return SavedIndex::default();
        };
        let entries = root
            .get("entries")
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(SavedEntry::from_json)
            .collect();
        SavedIndex { entries }
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"entries\":[");
        for (i, e) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            e.write_json(&mut out);
        }
        out.push_str("]}");
        out
    }

    /// Whether `url` is saved.
    pub fn contains(&self, url: &str) -> bool {
        self.get(url).is_some()
    }

    /// Adds `entry`, replacing an earlier save of the same address; returns the pictures the
    /// earlier save had that no saved article uses any more.
    pub fn upsert(&mut self, entry: SavedEntry) -> Vec<String> {
        let old = self.take(&entry.url);
        self.entries.push(entry);
        self.orphans(old)
    }

    /// Removes `url`; returns the pictures no remaining saved article uses.
    pub fn remove(&mut self, url: &str) -> Vec<String> {
        let old = self.take(url);
        self.orphans(old)
    }

    /// Marks `url` as updated since it was saved (or not); false when it is not saved.
    pub fn set_updated(&mut self, url: &str, updated: bool) -> bool {
        match self.entries.iter_mut().find(|e| e.url == url) {
            Some(entry) => {
                entry.updated = updated;
                true
            }
            None => false,
        }
    }

    /// The entry saved from `url`.
    pub fn get(&self, url: &str) -> Option<&SavedEntry> {
        self.entries.iter().find(|e| e.url == url)
    }

    /// The entries, most recently saved first (a new save goes to the end of the list).
    pub fn newest_first(&self) -> impl Iterator<Item = &SavedEntry> {
        self.entries.iter().rev()
    }

    fn take(&mut self, url: &str) -> Vec<String> {
        let mut images = Vec::new();
        self.entries.retain(|e| {
            if e.url == url {
                images.extend(e.images.iter().cloned());
                false
            } else {
                true
            }
        });
        images
    }

    fn orphans(&self, images: Vec<String>) -> Vec<String> {
        images
            .into_iter()
            .filter(|img| !self.entries.iter().any(|e| e.images.contains(img)))
            .collect()
    }
}

//! The list of articles saved for offline reading: what `#saved` shows and which pictures belong to
//! which article. Pure (tested natively); `offline.rs` keeps it in the Cache API beside the
//! documents, so the browser evicts both together or neither.

use serde::{Deserialize, Serialize};

use crate::model::Article;
use crate::url_policy::SafeUrl;

/// One saved article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedEntry {
    /// The document's address: the key of its saved copy, and what the list links to.
    pub url: String,
    pub headline: String,
    #[serde(default)]
    pub site: Option<String>,
    /// `published` as written in the document (RFC 3339).
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    /// When it was saved, in milliseconds since 1970: the list is newest first.
    pub saved_at: f64,
    /// The picture addresses stored with it.
    #[serde(default)]
    pub images: Vec<String>,
}

impl SavedEntry {
    /// The entry for `article` saved from `url` at `saved_at`.
    pub fn new(url: &SafeUrl, article: &Article, saved_at: f64) -> SavedEntry {
        SavedEntry {
            url: url.to_string(),
            headline: article.headline.to_string(),
            site: article.site.as_ref().map(|s| s.name.to_string()),
            published: article.published.as_ref().map(|d| d.datetime.to_string()),
            lang: Some(article.lang.to_string()),
            saved_at,
            images: article.image_urls().iter().map(|u| u.to_string()).collect(),
        }
    }
}

/// All saved articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedIndex {
    pub entries: Vec<SavedEntry>,
}

impl SavedIndex {
    /// Reads a stored index; anything unreadable is an empty index (the documents stay cached and
    /// are re-listed when saved again), never an error in the reader's way.
    pub fn from_json(text: &str) -> SavedIndex {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"entries\":[]}".to_owned())
    }

    /// Whether `url` is saved.
    pub fn contains(&self, url: &str) -> bool {
        self.entries.iter().any(|e| e.url == url)
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

    /// The entries, most recently saved first.
    pub fn newest_first(&self) -> Vec<&SavedEntry> {
        let mut list: Vec<&SavedEntry> = self.entries.iter().collect();
        list.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
        list
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

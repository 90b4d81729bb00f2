//! The library's backup file, the pure part: one JSON file holding every saved article — its
//! index entry, the document as saved, the version kept from before a publisher's change, and
//! the pictures' bytes — what a reader downloads to keep the library when the browser evicts the
//! site's storage, and reads back (merging) on this or another device. Reading refuses what is
//! not a backup, a damaged or cut-off one, and one written by a newer reader, each with its own
//! error: a restore then changes nothing.

use crate::core::json::{self, Json};
use crate::reader::saved::{SavedEntry, SavedIndex};

/// What the file says it is.
pub const BACKUP_FORMAT: &str = "article-reader-backup";
/// The version this reader writes and the newest it reads.
pub const BACKUP_VERSION: u64 = 1;

/// A whole library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backup {
    pub articles: Vec<BackupArticle>,
}

/// One saved article with everything it needs offline.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupArticle {
    pub entry: SavedEntry,
    /// The document text as saved (checked when it was saved; checked again when it is read).
    pub document: String,
    /// The version the reader saved, kept since the publisher changed the article.
    pub saved_version: Option<String>,
    pub pictures: Vec<Picture>,
}

/// A picture the article shows, as its address answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub url: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Why a file cannot be restored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Not a backup of this reader at all (another JSON file, a picture, a text).
    NotABackup,
    /// A backup, but damaged or cut off: nothing of it is used.
    Damaged,
    /// Written by a newer version of the reader, which this one cannot read safely.
    Newer,
}

impl Backup {
    /// The file's text.
    pub fn to_json(&self) -> String {
        let mut out =
            format!("{{\"format\":\"{BACKUP_FORMAT}\",\"version\":{BACKUP_VERSION},\"articles\":[");
        for (i, article) in self.articles.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"entry\":");
            article.entry.write_json(&mut out);
            out.push_str(",\"document\":");
            json::write_string(&mut out, &article.document);
            if let Some(version) = &article.saved_version {
                out.push_str(",\"saved_version\":");
                json::write_string(&mut out, version);
            }
            out.push_str(",\"pictures\":[");
            for (j, picture) in article.pictures.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push_str("{\"url\":");
                json::write_string(&mut out, &picture.url);
                out.push_str(",\"type\":");
                json::write_string(&mut out, &picture.content_type);
                out.push_str(",\"base64\":");
                json::write_string(&mut out, &base64(&picture.bytes));
                out.push('}');
            }
            out.push_str("]}");
        }
        out.push_str("]}");
        out
    }

    /// Reads a file; every article of it, or an error and nothing.
    pub fn from_json(text: &str) -> Result<Backup, BackupError> {
        let root = match json::parse(text) {
            Ok(root) => root,
            // Cut off or damaged if it starts as one of ours does; else it is something else.
            Err(_)
                if text
                    .trim_start()
                    .starts_with("{\"format\":\"article-reader-backup\"") =>
            {
                return Err(BackupError::Damaged)
            }
            Err(_) => return Err(BackupError::NotABackup),
        };
        if root.get("format").and_then(Json::as_str) != Some(BACKUP_FORMAT) {
            return Err(BackupError::NotABackup);
        }
        match root.get("version").and_then(Json::as_whole_number) {
            Some(version) if version > BACKUP_VERSION => return Err(BackupError::Newer),
            Some(_) => {}
            None => return Err(BackupError::Damaged),
        }
        let articles = root
            .get("articles")
            .and_then(Json::as_array)
            .ok_or(BackupError::Damaged)?;
        let articles = articles
            .iter()
            .map(read_article)
            .collect::<Option<Vec<_>>>()
            .ok_or(BackupError::Damaged)?;
        Ok(Backup { articles })
    }

    /// Which of the backup's articles a restore brings in, given the library here: those not
    /// saved here, and those saved here earlier than in the backup. A copy saved here more
    /// recently is never overwritten (its address is in `kept_here`).
    pub fn merge_plan(&self, here: &SavedIndex) -> MergePlan {
        let mut plan = MergePlan::default();
        for (i, article) in self.articles.iter().enumerate() {
            match here.get(&article.entry.url) {
                Some(mine) if mine.saved_at >= article.entry.saved_at => {
                    plan.kept_here.push(article.entry.url.clone())
                }
                _ => plan.restore.push(i),
            }
        }
        plan
    }
}

/// What a restore does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// Indices into the backup's articles to store.
    pub restore: Vec<usize>,
    /// Addresses whose copy here is as recent as the backup's, or more: left as they are.
    pub kept_here: Vec<String>,
}

fn read_article(value: &Json) -> Option<BackupArticle> {
    let entry = SavedEntry::from_json(value.get("entry")?)?;
    let document = value.get("document")?.as_str()?.to_owned();
    let saved_version = match value.get("saved_version") {
        None => None,
        Some(version) => Some(version.as_str()?.to_owned()),
    };
    let pictures = value
        .get("pictures")?
        .as_array()?
        .iter()
        .map(|p| {
            Some(Picture {
                url: p.get("url")?.as_str()?.to_owned(),
                content_type: p.get("type")?.as_str()?.to_owned(),
                bytes: unbase64(p.get("base64")?.as_str()?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(BackupArticle {
        entry,
        document,
        saved_version,
        pictures,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Each byte's value in [`ALPHABET`], 255 for bytes outside it.
const VALUES: [u8; 256] = {
    let mut values = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        values[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    values
};

/// Bytes as base64 (RFC 4648, padded).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Base64 back to bytes; `None` for anything that is not padded base64.
pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if text.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for (k, chunk) in text.chunks(4).enumerate() {
        let last = k + 1 == text.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pad {
                0
            } else {
                match VALUES[usize::from(c)] {
                    255 => return None,
                    v => u32::from(v),
                }
            };
            n |= v << (18 - 6 * i);
        }
        for i in 0..3 - pad {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

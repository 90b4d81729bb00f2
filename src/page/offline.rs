//! Saving articles for offline reading (page mode): the checked document text, every picture it
//! shows and the saved list, all in the Cache API, where the service worker (`pwa/sw.js`) serves
//! them when the network does not. Only documents the reader has validated are ever stored here.

use std::rc::Rc;

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Cache, Request, RequestCredentials, RequestInit, RequestMode, Response, ResponseInit,
};

use crate::platform;
use crate::reader::backup::{Backup, BackupArticle, Picture};
use crate::reader::changes::{compare, Changes};
use crate::reader::error::ReaderError;
use crate::reader::loader::{self, Loaded};
use crate::reader::saved::{SavedEntry, SavedIndex};

/// Saved documents are kept in `ARTICLES_CACHE`, keyed by the address they are requested by (the
/// worker's key too), their pictures in `IMAGES_CACHE`: names the worker shares.
pub use crate::reader::names::{ARTICLES_CACHE, IMAGES_CACHE};
/// The saved list's key in [`ARTICLES_CACHE`], next to the page.
const INDEX_PATH: &str = "article-reader-saved.json";
/// The versions the reader saved of articles changed since, in [`ARTICLES_CACHE`] (`?url=`).
const VERSION_PATH: &str = "article-reader-saved-version.json";

async fn wait(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// A failed storage call as the reader's error: a full disk is said so, anything else is
/// "cannot save here" (private windows, storage switched off).
fn storage_error(error: JsValue) -> ReaderError {
    match platform::error_name(&error).as_deref() {
        Some("QuotaExceededError") => ReaderError::StorageFull,
        _ => ReaderError::StorageUnavailable,
    }
}

async fn open(name: &str) -> Result<Cache, ReaderError> {
    let caches = web_sys::window()
        .ok_or(ReaderError::StorageUnavailable)?
        .caches()
        .map_err(storage_error)?;
    wait(Ok(caches.open(name)))
        .await
        .map_err(storage_error)?
        .dyn_into::<Cache>()
        .map_err(|_| ReaderError::StorageUnavailable)
}

fn index_key() -> String {
    web_sys::Url::new_with_base(INDEX_PATH, &platform::base_url())
        .map(|u| u.href())
        .unwrap_or_else(|_| INDEX_PATH.to_owned())
}

fn json_response(text: &str) -> Result<Response, ReaderError> {
    let headers = web_sys::Headers::new().map_err(|_| ReaderError::StorageUnavailable)?;
    let _ = headers.set("Content-Type", "application/json");
    let init = ResponseInit::new();
    init.set_status(200);
    init.set_headers(&headers);
    Response::new_with_opt_str_and_init(Some(text), &init)
        .map_err(|_| ReaderError::StorageUnavailable)
}

async fn cached_text(cache: &Cache, key: &str) -> Option<String> {
    let found = wait(Ok(cache.match_with_str(key))).await.ok()?;
    let response = found.dyn_into::<Response>().ok()?;
    wait(response.text()).await.ok()?.as_string()
}

/// The saved list; empty when nothing was saved or storage is unavailable.
pub async fn saved_index() -> SavedIndex {
    match open(ARTICLES_CACHE).await {
        Ok(cache) => cached_text(&cache, &index_key())
            .await
            .map(|t| SavedIndex::from_json(&t))
            .unwrap_or_default(),
        Err(_) => SavedIndex::default(),
    }
}

async fn write_index(cache: &Cache, index: &SavedIndex) -> Result<(), ReaderError> {
    let response = json_response(&index.to_json())?;
    wait(Ok(cache.put_with_str(&index_key(), &response)))
        .await
        .map_err(storage_error)?;
    Ok(())
}

/// Whether the document at `url` is saved.
pub async fn is_saved(url: &str) -> bool {
    saved_index().await.contains(url)
}

/// Saves the loaded document and every picture it shows; the first save asks the browser to keep
/// the reader's storage (`navigator.storage.persist()`).
pub async fn save(loaded: &Loaded) -> Result<(), ReaderError> {
    let url = loaded
        .address
        .as_ref()
        .ok_or(ReaderError::StorageUnavailable)?;
    let articles = open(ARTICLES_CACHE).await?;
    let mut index = saved_index().await;
    if index.entries.is_empty() {
        request_persistence().await;
    }
    wait(Ok(
        articles.put_with_str(url.as_str(), &json_response(&loaded.text)?)
    ))
    .await
    .map_err(storage_error)?;
    let images = open(IMAGES_CACHE).await?;
    for image in loaded.article.image_urls() {
        store_image(&images, image.as_str()).await?;
    }
    let orphans = index.upsert(SavedEntry::new(
        url,
        &loaded.article,
        js_sys::Date::now() as u64,
    ));
    delete_all(&images, &orphans).await;
    write_index(&articles, &index).await
}

/// A saved article whose publisher has changed it since: how, and since when.
pub struct SavedUpdate {
    /// The current article against the version the reader saved.
    pub changes: Changes,
    /// When the reader saved it, in milliseconds since 1970.
    pub saved_at: u64,
    /// The document as the reader saved it (kept in the Cache API, so offline too).
    pub saved_text: Rc<str>,
}

/// Where the version the reader saved is kept once the publisher's document has changed: beside
/// the saved copy (which is always the latest the reader opened, what the worker serves offline).
fn version_key(url: &str) -> String {
    let path = format!("{VERSION_PATH}?url={}", crate::reader::share::encode(url));
    web_sys::Url::new_with_base(&path, &platform::base_url())
        .map(|u| u.href())
        .unwrap_or(path)
}

/// Keeps a saved document current with the copy the reader has just checked online, and says
/// what changed since the reader saved it: the version saved is kept (once) while they differ,
/// and the saved list marks the article updated. Offline, only says.
pub async fn refresh_saved(loaded: &Loaded) -> Option<SavedUpdate> {
    let url = loaded.address.as_ref()?;
    let articles = open(ARTICLES_CACHE).await.ok()?;
    let key = version_key(url.as_str());
    let kept = cached_text(&articles, &key).await;
    if loaded.from_saved_copy {
        // Offline: the saved copy is the latest the reader opened; the version saved (if it was
        // kept) is compared with it, and nothing is written.
        let kept = kept?;
        let saved = loader::reread(&kept, loaded).await?;
        let changes = Some(compare(&saved, &loaded.article)).filter(|c| !c.is_empty())?;
        let saved_at = saved_index().await.get(url.as_str())?.saved_at;
        return Some(SavedUpdate {
            changes,
            saved_at,
            saved_text: kept.into(),
        });
    }
    let saved_text = match &kept {
        Some(text) => Some(text.clone()),
        None => cached_text(&articles, url.as_str()).await,
    };
    let mut changes = None;
    if let Some(saved_text) = saved_text.as_deref().filter(|t| **t != *loaded.text) {
        if let Some(saved) = loader::reread(saved_text, loaded).await {
            changes = Some(compare(&saved, &loaded.article)).filter(|c| !c.is_empty());
        }
    }
    match (&changes, &kept, &saved_text) {
        (Some(_), None, Some(saved_text)) => {
            if let Ok(response) = json_response(saved_text) {
                let _ = wait(Ok(articles.put_with_str(&key, &response))).await;
            }
        }
        (None, Some(_), _) => {
            let _ = wait(Ok(articles.delete_with_str(&key))).await;
        }
        _ => {}
    }
    if let Ok(response) = json_response(&loaded.text) {
        let _ = wait(Ok(articles.put_with_str(url.as_str(), &response))).await;
    }
    let mut index = saved_index().await;
    let saved_at = index.get(url.as_str())?.saved_at;
    let updated = changes.is_some();
    if index
        .get(url.as_str())
        .is_some_and(|e| e.updated != updated)
    {
        index.set_updated(url.as_str(), updated);
        let _ = write_index(&articles, &index).await;
    }
    Some(SavedUpdate {
        changes: changes?,
        saved_at,
        saved_text: saved_text?.into(),
    })
}

/// Removes a saved document and the pictures no other saved document uses.
pub async fn remove(url: &str) -> Result<(), ReaderError> {
    let articles = open(ARTICLES_CACHE).await?;
    let images = open(IMAGES_CACHE).await?;
    let mut index = saved_index().await;
    let orphans = index.remove(url);
    let _ = wait(Ok(articles.delete_with_str(url))).await;
    let _ = wait(Ok(articles.delete_with_str(&version_key(url)))).await;
    delete_all(&images, &orphans).await;
    write_index(&articles, &index).await
}

async fn delete_all(cache: &Cache, urls: &[String]) {
    for url in urls {
        let _ = wait(Ok(cache.delete_with_str(url))).await;
    }
}

/// Stores one picture: with CORS where its server allows it (a readable response whose status is
/// checked; `cache.add` refuses non-2xx), else as an opaque response, which `<img>` can still show.
async fn store_image(cache: &Cache, url: &str) -> Result<(), ReaderError> {
    let request = |mode: RequestMode| {
        let init = RequestInit::new();
        init.set_mode(mode);
        init.set_credentials(RequestCredentials::Omit);
        Request::new_with_str_and_init(url, &init)
    };
    if let Ok(cors) = request(RequestMode::Cors) {
        match wait(Ok(cache.add_with_request(&cors))).await {
            Ok(_) => return Ok(()),
            Err(e) if platform::error_name(&e).as_deref() == Some("QuotaExceededError") => {
                return Err(ReaderError::StorageFull)
            }
            Err(_) => {}
        }
    }
    let window = web_sys::window().ok_or(ReaderError::StorageUnavailable)?;
    let Ok(opaque) = request(RequestMode::NoCors) else {
        return Ok(());
    };
    // A picture that cannot be fetched at all is skipped: the article is still saved.
    if let Ok(response) = wait(Ok(window.fetch_with_request(&opaque))).await {
        if let Ok(response) = response.dyn_into::<Response>() {
            wait(Ok(cache.put_with_request(&opaque, &response)))
                .await
                .map_err(storage_error)?;
        }
    }
    Ok(())
}

async fn request_persistence() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = wait(storage.persist()).await;
    }
}

/// How many bytes this origin stores (`navigator.storage.estimate()`), if the browser says.
pub async fn storage_usage() -> Option<f64> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = wait(storage.estimate()).await.ok()?;
    Reflect::get(&estimate, &"usage".into()).ok()?.as_f64()
}

/// Whether the browser has promised to keep this origin's storage (`navigator.storage.persisted()`);
/// `None` where it does not say.
pub async fn storage_persisted() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    wait(storage.persisted()).await.ok()?.as_bool()
}

/// Every saved article that still reads, with its entry, most recently saved first: what the
/// saved list searches.
pub async fn saved_articles() -> Vec<(SavedEntry, Rc<crate::core::model::Article>)> {
    let Ok(cache) = open(ARTICLES_CACHE).await else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in saved_index().await.newest_first() {
        if let Some(text) = cached_text(&cache, &entry.url).await {
            if let Some(article) = loader::read_saved(&text, &entry.url).await {
                found.push((entry.clone(), article));
            }
        }
    }
    found
}

/// A picture as it was saved, for a backup or an exported page: its type and bytes; `None`
/// when it is not saved or its site did not allow reading it (an opaque answer, which `<img>`
/// can show but no script can read).
pub async fn saved_picture(url: &str) -> Option<(String, Vec<u8>)> {
    picture_in(&open(IMAGES_CACHE).await.ok()?, url).await
}

/// [`saved_picture`] from the pictures' cache already open.
async fn picture_in(cache: &Cache, url: &str) -> Option<(String, Vec<u8>)> {
    let found = wait(Ok(cache.match_with_str(url))).await.ok()?;
    let response = found.dyn_into::<Response>().ok()?;
    if response.status() == 0 || !response.ok() {
        return None;
    }
    let content_type = response.headers().get("content-type").ok().flatten()?;
    let buffer = wait(response.array_buffer()).await.ok()?;
    Some((content_type, js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The whole library as a backup, and how many pictures could not be put in it (opaque: their
/// sites did not allow reading them; a restored article fetches them again when online).
pub async fn backup() -> Result<(Backup, usize), ReaderError> {
    let articles = open(ARTICLES_CACHE).await?;
    let images = open(IMAGES_CACHE).await?;
    let mut backup = Backup::default();
    let mut unreadable = 0;
    for entry in saved_index().await.entries {
        let Some(document) = cached_text(&articles, &entry.url).await else {
            continue;
        };
        let saved_version = cached_text(&articles, &version_key(&entry.url)).await;
        let mut pictures = Vec::new();
        for url in &entry.images {
            match picture_in(&images, url).await {
                Some((content_type, bytes)) => pictures.push(Picture {
                    url: url.clone(),
                    content_type,
                    bytes,
                }),
                None => unreadable += 1,
            }
        }
        backup.articles.push(BackupArticle {
            entry,
            document,
            saved_version,
            pictures,
        });
    }
    Ok((backup, unreadable))
}

/// What a restore did.
pub struct Restored {
    /// Articles brought in.
    pub restored: usize,
    /// Articles left as they were: the copy here was as recent or more.
    pub kept_here: usize,
}

/// Brings a backup's articles into the library, merging: an article saved here more recently is
/// never overwritten. Every document is checked again before it is stored (a backup is a file
/// anyone can write), every address goes through the URL policy, and only pictures are stored
/// as pictures; an article that fails a check is left out.
pub async fn restore(backup: &Backup) -> Result<Restored, ReaderError> {
    use crate::core::url_policy::{self, UrlUse};
    let articles = open(ARTICLES_CACHE).await?;
    let images = open(IMAGES_CACHE).await?;
    let mut index = saved_index().await;
    let plan = backup.merge_plan(&index);
    let mut restored = 0;
    for &i in &plan.restore {
        let Some(article) = backup.articles.get(i) else {
            continue;
        };
        let Some(url) = url_policy::resolve(&article.entry.url, None, UrlUse::Web) else {
            continue;
        };
        if url.as_str() != article.entry.url
            || loader::read_saved(&article.document, url.as_str())
                .await
                .is_none()
        {
            continue;
        }
        wait(Ok(articles.put_with_str(
            url.as_str(),
            &json_response(&article.document)?,
        )))
        .await
        .map_err(storage_error)?;
        if let Some(version) = &article.saved_version {
            wait(Ok(articles.put_with_str(
                &version_key(url.as_str()),
                &json_response(version)?,
            )))
            .await
            .map_err(storage_error)?;
        }
        for picture in &article.pictures {
            let safe = url_policy::resolve(&picture.url, None, UrlUse::Web)
                .is_some_and(|u| u.as_str() == picture.url);
            if !safe
                || !picture.content_type.starts_with("image/")
                || !article.entry.images.contains(&picture.url)
            {
                continue;
            }
            let headers = web_sys::Headers::new().map_err(|_| ReaderError::StorageUnavailable)?;
            let _ = headers.set("Content-Type", &picture.content_type);
            let init = ResponseInit::new();
            init.set_status(200);
            init.set_headers(&headers);
            let mut bytes = picture.bytes.clone();
            let response = Response::new_with_opt_u8_array_and_init(Some(&mut bytes), &init)
                .map_err(|_| ReaderError::StorageUnavailable)?;
            wait(Ok(images.put_with_str(&picture.url, &response)))
                .await
                .map_err(storage_error)?;
        }
        let orphans = index.upsert(article.entry.clone());
        delete_all(&images, &orphans).await;
        restored += 1;
    }
    write_index(&articles, &index).await?;
    Ok(Restored {
        restored,
        kept_here: plan.kept_here.len(),
    })
}

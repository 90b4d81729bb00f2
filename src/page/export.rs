//! "Download" on an article (page mode): the browser's side of the exported page
//! (`view::render::export`) — the reader's stylesheet as the page links it, the pictures from
//! their saved copies (else read once from their sites, where those allow it) — and Markdown
//! (`reader::markdown`), each given to the reader as a file.

use std::collections::HashMap;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::model::Article;
use crate::page::offline;
use crate::platform;
use crate::reader::backup::base64;
use crate::reader::i18n::Ui;
use crate::reader::markdown::markdown;
use crate::view::render::export::{export_html, ExportPage};

/// The wrapper's attributes that carry reading settings (see `view::components::reader`).
const SETTINGS: [&str; 7] = [
    "data-theme",
    "data-text-size",
    "data-font",
    "data-measure",
    "data-line-spacing",
    "data-spacing",
    "data-hyphens",
];

/// The article as one `.html` file, drawn in `ui` with the settings of the reader it was read in
/// (`reader`: the `.reader` wrapper); false when the browser refused the download.
pub(super) async fn download_page(
    article: &Article,
    ui: &Ui,
    reader: Option<web_sys::Element>,
) -> bool {
    let mut pictures = HashMap::new();
    for url in article.image_urls() {
        if let Some((content_type, bytes)) = picture(url.as_str()).await {
            pictures.insert(
                url.to_string(),
                format!("data:{content_type};base64,{}", base64(&bytes)),
            );
        }
    }
    // The reading settings of the moment, as the wrapper carries them.
    let settings: Vec<(&'static str, String)> = SETTINGS
        .iter()
        .filter_map(|&name| {
            let value = reader.as_ref()?.get_attribute(name)?;
            Some((name, value))
        })
        .collect();
    let lookup = |url: &str| pictures.get(url).cloned();
    let page = ExportPage {
        css: &reader_css().await,
        settings: &settings,
        picture: &lookup,
    };
    let html = export_html(article, ui, &page);
    platform::download(
        &file_name(&article.headline, "html"),
        "text/html;charset=utf-8",
        html.as_bytes(),
    )
}

/// The article as Markdown.
pub(super) fn download_markdown(article: &Article, ui: &Ui) -> bool {
    platform::download(
        &file_name(&article.headline, "md"),
        "text/markdown;charset=utf-8",
        markdown(article, ui.words).as_bytes(),
    )
}

/// A picture's type and bytes: the saved copy, else the network where the site allows reading
/// it (CORS); `None` otherwise (it is then left out of the page).
async fn picture(url: &str) -> Option<(String, Vec<u8>)> {
    if let Some(saved) = offline::saved_picture(url).await {
        return Some(saved);
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let request = web_sys::Request::new_with_str_and_init(url, &init).ok()?;
    let response = JsFuture::from(web_sys::window()?.fetch_with_request(&request))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    let content_type = response.headers().get("content-type").ok().flatten()?;
    if !response.ok() || !content_type.starts_with("image/") {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some((content_type, js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The reader's stylesheet, as the page links it (the service worker has it offline); empty
/// when it cannot be read (the page is then unstyled, still whole).
async fn reader_css() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("link[rel=stylesheet][href*=\"reader-\"]")
                .ok()
                .flatten()
        })
        .and_then(|link| link.get_attribute("href"));
    let Some(href) = href else {
        return String::new();
    };
    let Some(url) = web_sys::Url::new_with_base(&href, &platform::base_url())
        .ok()
        .map(|u| u.href())
    else {
        return String::new();
    };
    let init = web_sys::RequestInit::new();
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let Ok(request) = web_sys::Request::new_with_str_and_init(&url, &init) else {
        return String::new();
    };
    let Ok(response) = JsFuture::from(window.fetch_with_request(&request)).await else {
        return String::new();
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return String::new();
    };
    match response.text() {
        Ok(text) if response.ok() => JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A file name from the headline: its letters and digits, words joined by `-`, at most 60
/// characters; "article" when nothing is left.
fn file_name(headline: &str, extension: &str) -> String {
    let mut name = String::new();
    for word in headline.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if name.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(&word.to_lowercase());
    }
    if name.is_empty() {
        name.push_str("article");
    }
    format!("{name}.{extension}")
}

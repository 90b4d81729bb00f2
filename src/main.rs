//! The entry point. In the browser (wasm32) it mounts the reader into the page; natively it is the
//! validator of article documents: `article-reader FILE.json…` prints each file's errors and warnings.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Runs whenever the module is instantiated; it only acts on the project's own index.html (the
    // embed build has no page mode).
    #[cfg(feature = "page")]
    article_reader::page::start();
}

/// What `embed.js` calls: the JavaScript side of the `<article-reader>` element. Every build has
/// it but page mode's release build (`make dist`): `dist/embed.js` uses the embed build, while
/// `make serve`'s one build serves both.
#[cfg(all(
    target_arch = "wasm32",
    any(not(feature = "page"), not(article_reader_split))
))]
// Public to JavaScript (wasm-bindgen exports them), not to Rust.
#[allow(unreachable_pub)]
mod embed_exports {
    use article_reader::embed;
    use article_reader::view::mount::MountedReader;
    use wasm_bindgen::prelude::*;

    /// One running widget, owned by its `<article-reader>` element.
    #[wasm_bindgen]
    pub struct ReaderHandle(MountedReader);

    #[wasm_bindgen]
    impl ReaderHandle {
        /// Tears the widget down (element removed, or re-mounted with new attributes).
        pub fn destroy(&mut self) {
            self.0.destroy();
        }

        /// Applies changed display settings in place (see [`embed::update_element`]);
        /// `attributes` is the element's `[[name, value], …]`.
        pub fn update(&mut self, attributes: &JsValue) {
            embed::update_element(&mut self.0, attributes);
        }
    }

    /// Mounts a widget into `container` (see [`article_reader::embed::mount_element`]).
    #[wasm_bindgen(js_name = mountElement)]
    pub fn mount_element(container: web_sys::Element, start: &JsValue) -> ReaderHandle {
        ReaderHandle(embed::mount_element(container, start))
    }
}

/// Panics inside the wasm on purpose: the end-to-end tests call it (page mode exposes the
/// bindings as `window.wasmBindings`) to prove that a panic ends in the error view, never in
/// a dead widget. Harmless anywhere else: it only stops the page that calls it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = panicForTests)]
pub fn panic_for_tests() {
    panic!("deliberate panic requested by a test");
}

/// Where relative addresses resolve when no `--base` is given: a reserved name that no real
/// document lives at, so only addresses that are bad wherever the document is served are reported.
#[cfg(not(target_arch = "wasm32"))]
const PLACEHOLDER_BASE: &str = "https://document.invalid/";

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: article-reader check [--format F] [--base URL] FILE…
       article-reader convert [--format F] [--base URL] FILE
       article-reader render [--format F] [--base URL] [--ui-lang L] FILE
       article-reader render --embed --stylesheet URL [--src URL] [--format F] [--base URL] FILE

  check    prints \"valid\" and the warnings, or the error with its field path, for each file;
           exit 0 when every file is valid, 1 when one is not, 2 for a usage error
  convert  prints the document as article format v1 JSON (which itself passes check)
  render   prints the article as the widget draws it, as HTML (escaped: no document text is
           ever markup); dates as the document writes them, the UI in the article's language
           unless --ui-lang names another

  --format F   auto (default: detected from the document), v1, wordpress, jsonfeed, jsonld, ans,
               ghost, applenews
  --base URL   the address the documents are served from; relative addresses resolve against it
               (default: a placeholder, so only addresses bad anywhere are reported)
  --ui-lang L  the UI language (en, es, fr, pt, de, ar) for render
  --embed      render: the <article-reader> element for a page built ahead of time: the article in
               a declarative shadow root, shown before any script runs, and the document inline
               (docs/embed.md, \"Prerendered embeds\")
  --stylesheet URL  with --embed: the reader's stylesheet (the reader-….css beside embed.js)
  --src URL    with --embed: the document's address, for the element's src";

/// The native command line: `check` and `convert` (a bare list of files means `check`).
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use article_reader::core::url_policy::{self, UrlUse};
    use article_reader::document::decode_with;
    use article_reader::document::formats::Format;
    use article_reader::reader::i18n::{choose, Ui};
    use article_reader::view::render::{article_html, embed_html};
    use std::process::ExitCode;

    let usage = || {
        eprintln!("{USAGE}");
        ExitCode::from(2)
    };
    let mut args = std::env::args().skip(1).peekable();
    let command = match args.peek().map(String::as_str) {
        Some("check" | "convert" | "render") => args.next().unwrap_or_default(),
        Some("-h" | "--help") | None => return usage(),
        Some(_) => "check".to_owned(),
    };
    let (mut base, mut format, mut files) = (PLACEHOLDER_BASE.to_owned(), Format::Auto, Vec::new());
    let mut ui_lang = None;
    let (mut embed, mut stylesheet, mut src) = (false, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--embed" => embed = true,
            // Written as given: relative to the page the element is pasted into, or absolute.
            "--stylesheet" | "--src" => match args.next() {
                Some(url)
                    if url_policy::resolve(&url, Some(PLACEHOLDER_BASE), UrlUse::Web).is_some() =>
                {
                    if arg == "--src" {
                        src = Some(url);
                    } else {
                        stylesheet = Some(url);
                    }
                }
                _ => return usage(),
            },
            "--base" => match args.next() {
                Some(url) if url_policy::resolve(&url, None, UrlUse::Web).is_some() => base = url,
                _ => return usage(),
            },
            "--format" => match args.next() {
                Some(name) if Format::ALL.iter().any(|(_, n)| *n == name) => {
                    format = Format::parse(&name)
                }
                _ => return usage(),
            },
            "--ui-lang" => match args.next() {
                Some(lang) => ui_lang = Some(lang),
                None => return usage(),
            },
            _ => files.push(arg),
        }
    }
    if files.is_empty() || command != "check" && files.len() != 1 {
        return usage();
    }
    if embed && (command != "render" || stylesheet.is_none()) {
        return usage();
    }
    let mut failed = false;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: cannot read ({e})");
                failed = true;
                continue;
            }
        };
        match decode_with(&text, Some(&base), format, None) {
            Ok(decoded) if command == "convert" => {
                for warning in &decoded.warnings {
                    eprintln!("{file}: warning: {warning}");
                }
                match serde_json::to_string_pretty(&decoded.article) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("{file}: cannot write ({e})");
                        failed = true;
                    }
                }
            }
            Ok(decoded) if command == "render" => {
                for warning in &decoded.warnings {
                    eprintln!("{file}: warning: {warning}");
                }
                let article = &decoded.article;
                let words = choose(ui_lang.as_deref(), Some(&article.lang), None);
                let ui = Ui::new(words, Some(&article.lang));
                match &stylesheet {
                    Some(sheet) if embed => {
                        println!("{}", embed_html(article, &ui, &text, sheet, src.as_deref()))
                    }
                    _ => println!("{}", article_html(article, &ui, "article-reader-1")),
                }
            }
            Ok(decoded) => {
                println!("{file}: valid ({})", decoded.format.title());
                for warning in decoded.warnings {
                    println!("{file}: warning: {warning}");
                }
            }
            Err(error) => {
                println!("{file}: error: {error}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

//! Fuzzes the document parser and validator with arbitrary bytes, read as the browser reads a
//! response (UTF-8 with replacement characters): no input may panic, and whatever is accepted
//! must hold only addresses the URL policy allows and survive a second decode of its own output.
#![no_main]

use article_reader::document::decode_str;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(decoded) = decode_str(&text, Some("https://example.org/api/article.json")) {
        for url in decoded.article.image_urls() {
            assert!(url.as_str().starts_with("http://") || url.as_str().starts_with("https://"));
        }
    }
    if let Ok(value) = article_reader::core::json::parse(&text) {
        assert_eq!(article_reader::core::json::parse(&value.to_string()).ok(), Some(value));
    }
});

//! The entry point. In the browser (wasm32) it mounts the reader into the page; natively it is the
//! validator of article documents: `article-reader FILE.json…` prints each file's errors and warnings.

#[cfg(target_arch = "wasm32")]
fn main() {
    article_reader::mount::start_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use article_reader::decode::decode_str;

    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: article-reader FILE.json…  (checks article documents, format v1)");
        return std::process::ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                println!("{file}: cannot read ({e})");
                failed = true;
                continue;
            }
        };
        match decode_str(&text, None) {
            Ok(decoded) => {
                println!("{file}: valid");
                for warning in decoded.warnings {
                    println!("{file}: warning: {warning}");
                }
            }
            Err(issue) => {
                println!("{file}: error: {issue}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

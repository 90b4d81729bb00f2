//! Searching the saved library by the words of its articles, offline: the pure part (folding, the
//! match, the snippet). Case and accents are folded the way a reader types without them — "Sao
//! Paulo" finds "São Paulo", "uber" finds "Über", an Arabic word finds it with or without its
//! short vowels — for the six UI languages, by a small table rather than a Unicode library (the
//! library module carries this code: no large tables for six languages' letters).

use crate::core::model::{Article, Block, Inline};

/// Text as it is compared: lower case, accents and Arabic short vowels away, Arabic letter
/// variants as their common form.
pub fn fold(text: &str) -> String {
    fold_mapped(text).0
}

/// [`fold`], with where each folded character came from: for every char of the folded text, the
/// byte range of the original char that produced it.
fn fold_mapped(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        for folded in fold_char(c) {
            out.push(folded);
            from.push((at, end));
        }
    }
    (out, from)
}

/// What one character becomes (nothing for a mark that only decorates its letter).
fn fold_char(c: char) -> Vec<char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'ç' | 'Ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            "o"
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        // Typographic apostrophes and quotes as typed.
        '\u{2019}' | '\u{2018}' => "'",
        // Arabic: hamza forms of alef, alef maqsura, teh marbuta as their common letters.
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' => "ي",
        'ة' => "ه",
        // Combining accents, Arabic short vowels, superscript alef, tatweel: gone.
        '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => "",
        _ => return c.to_lowercase().collect(),
    };
    base.chars().collect()
}

/// Where an article matched, for the saved list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The body block to open the article at (`None`: the headline or summary matched).
    pub block: Option<usize>,
    /// A passage of that block's text around the first match.
    pub snippet: String,
    /// The byte ranges in `snippet` of every query word found there, in order, to mark.
    pub marks: Vec<(usize, usize)>,
}

/// How much text a snippet shows around its first match, each side, in characters.
const CONTEXT: usize = 60;

/// Finds `query` in `article`: every word of the query must be in the article (anywhere); the hit
/// is the first part (headline, summary, then the body's blocks in order) holding the most of
/// them. `None` when a word is missing or the query has none.
pub fn find(article: &Article, query: &str) -> Option<Hit> {
    let words: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return None;
    }
    let parts: Vec<(Option<usize>, String)> = std::iter::once((None, article.headline.to_string()))
        .chain(article.summary.iter().map(|s| (None, s.plain_text())))
        .chain(
            article
                .body
                .iter()
                .enumerate()
                .map(|(i, block)| (Some(i), block_text(block))),
        )
        .collect();
    let folded: Vec<String> = parts.iter().map(|(_, text)| fold(text)).collect();
    if !words
        .iter()
        .all(|w| folded.iter().any(|f| f.contains(w.as_str())))
    {
        return None;
    }
    let count = |f: &String| words.iter().filter(|w| f.contains(w.as_str())).count();
    let best = (0..parts.len()).max_by_key(|&i| (count(&folded[i]), std::cmp::Reverse(i)))?;
    let (block, text) = &parts[best];
    Some(snippet(*block, text, &words))
}

/// The passage of `text` around its first match, with every query word in it marked.
fn snippet(block: Option<usize>, text: &str, words: &[String]) -> Hit {
    let (folded, from) = fold_mapped(text);
    // Folded matches as ranges of the original text (chars of `folded` map to original bytes).
    let mut found: Vec<(usize, usize)> = Vec::new();
    for word in words {
        let mut start = 0;
        while let Some(at) = folded[start..].find(word.as_str()) {
            let (a, b) = (start + at, start + at + word.len());
            let first = folded[..a].chars().count();
            let last = folded[..b].chars().count() - 1;
            // A match ends after the marks that decorate its last letter (a short vowel).
            let mut end = from[last].1;
            while let Some(c) = text[end..]
                .chars()
                .next()
                .filter(|c| fold_char(*c).is_empty())
            {
                end += c.len_utf8();
            }
            found.push((from[first].0, end));
            start = b;
        }
    }
    found.sort_unstable();
    let first = found.first().map_or(0, |r| r.0);
    // The window: CONTEXT characters either side of the first match, on char boundaries.
    let before: Vec<usize> = text[..first].char_indices().map(|(i, _)| i).collect();
    let from_byte = before.len().checked_sub(CONTEXT).map_or(0, |k| before[k]);
    let after = text[first..]
        .char_indices()
        .nth(CONTEXT * 2)
        .map_or(text.len(), |(i, _)| first + i);
    let mut snippet = String::new();
    let lead = if from_byte > 0 { "…" } else { "" };
    snippet.push_str(lead);
    snippet.push_str(&text[from_byte..after]);
    if after < text.len() {
        snippet.push('…');
    }
    let shift = lead.len();
    let marks = found
        .into_iter()
        .filter(|&(a, b)| a >= from_byte && b <= after)
        .map(|(a, b)| (a - from_byte + shift, b - from_byte + shift))
        .fold(Vec::<(usize, usize)>::new(), |mut kept, (a, b)| {
            // Overlapping matches (one word inside another) are marked once.
            match kept.last_mut() {
                Some(last) if a < last.1 => last.1 = last.1.max(b),
                _ => kept.push((a, b)),
            }
            kept
        });
    Hit {
        block,
        snippet,
        marks,
    }
}

/// The words a body block shows, as plain text (a table's cells, a list's items, a caption).
pub fn block_text(block: &Block) -> String {
    let join = |parts: Vec<String>| parts.join(" ");
    let inline = Inline::plain_text;
    match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => inline(content),
        Block::Quote { content, cite, .. } => join(vec![
            inline(content),
            cite.as_deref().unwrap_or_default().to_owned(),
        ]),
        Block::Image { image } => join(vec![
            image.alt.to_string(),
            image.caption.as_ref().map(inline).unwrap_or_default(),
        ]),
        Block::List { items, .. } => {
            fn items_text(items: &[crate::core::model::ListItem], out: &mut Vec<String>) {
                for item in items {
                    out.push(item.content.plain_text());
                    items_text(&item.items, out);
                }
            }
            let mut out = Vec::new();
            items_text(items, &mut out);
            join(out)
        }
        Block::RelatedLink { headline, .. } => headline.to_string(),
        Block::Table { table } => join(
            table
                .caption
                .iter()
                .map(inline)
                .chain(
                    table
                        .head
                        .iter()
                        .chain(table.rows.iter())
                        .chain(table.foot.iter())
                        .flat_map(|row| row.iter().map(|c| c.content.plain_text())),
                )
                .collect(),
        ),
        Block::Code { content, .. } => content.to_string(),
        Block::Aside { title, blocks, .. } => join(
            title
                .iter()
                .map(inline)
                .chain(blocks.iter().map(block_text))
                .collect(),
        ),
        Block::Details { summary, blocks } => join(
            std::iter::once(inline(summary))
                .chain(blocks.iter().map(block_text))
                .collect(),
        ),
        Block::Note { note } => inline(&note.content),
        Block::SocialPost { post } => inline(&post.content),
        Block::Video { video } => join(vec![
            video.title.as_deref().unwrap_or_default().to_owned(),
            video.caption.as_ref().map(inline).unwrap_or_default(),
        ]),
        Block::Gallery { gallery } => join(
            gallery
                .images
                .iter()
                .map(|i| i.alt.to_string())
                .chain(gallery.caption.iter().map(inline))
                .collect(),
        ),
        Block::Audio { title, .. } => title.as_deref().unwrap_or_default().to_owned(),
        Block::Embed { title, .. } => title.as_deref().unwrap_or_default().to_owned(),
        Block::Divider => String::new(),
    }
}

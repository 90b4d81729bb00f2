//! Reading time (spec §5): the words a reader reads — headline, summary, body text, captions —
//! over a reading speed that is a range per language, so a long article says "8–10 min read"
//! rather than a precision nobody has.

use crate::core::model::{Article, Block, Inline, ListItem};

/// Words in the article's reading text: runs of letters and digits between spaces and dashes; in scripts
/// written without spaces (Chinese, Japanese, Thai), roughly one word per two characters.
pub fn word_count(article: &Article) -> u64 {
    let mut count = words(&article.headline);
    for point in article.summary.iter() {
        count += inline_words(point);
    }
    if let Some(caption) = article.lead_image.as_ref().and_then(|i| i.caption.as_ref()) {
        count += inline_words(caption);
    }
    count += blocks_words(&article.body);
    for note in article.corrections.iter() {
        count += inline_words(&note.content);
    }
    for note in article.notes.iter() {
        count += inline_words(&note.content);
    }
    count
}

/// The words of blocks, those in boxes, details, lists and tables included (code is looked at,
/// not read: it does not count).
fn blocks_words(blocks: &[Block]) -> u64 {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => inline_words(content),
            Block::Quote { content, .. } => inline_words(content),
            Block::List { items, .. } => items_words(items),
            Block::Image { image } => image.caption.as_ref().map_or(0, inline_words),
            Block::Table { table } => [&table.head, &table.rows, &table.foot]
                .into_iter()
                .flat_map(|rows| rows.iter())
                .flat_map(|row| row.iter())
                .map(|cell| inline_words(&cell.content))
                .sum(),
            Block::Aside { title, blocks, .. } => {
                title.as_ref().map_or(0, inline_words) + blocks_words(blocks)
            }
            Block::Details { summary, blocks } => inline_words(summary) + blocks_words(blocks),
            Block::Note { note } => inline_words(&note.content),
            _ => 0,
        })
        .sum()
}

fn items_words(items: &[ListItem]) -> u64 {
    items
        .iter()
        .map(|item| inline_words(&item.content) + items_words(&item.items))
        .sum()
}

fn inline_words(content: &Inline) -> u64 {
    content.0.iter().map(|run| words(&run.text)).sum()
}

fn words(text: &str) -> u64 {
    let (mut count, mut in_word, mut unspaced) = (0u64, false, 0u64);
    for c in text.chars() {
        if is_unspaced_script(c) {
            unspaced += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else if c.is_whitespace() || matches!(c, '—' | '–' | '/') {
            in_word = false;
        }
    }
    count + unspaced.div_ceil(2)
}

/// CJK ideographs, kana, Hangul syllables are counted by character; Thai too.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Minutes to read `words` at `wpm` (slowest, fastest words per minute): (fewest, most), at
/// least one minute.
pub fn minutes(words: u64, wpm: [u16; 2]) -> (u64, u64) {
    let [slow, fast] = wpm.map(|w| u64::from(w.max(1)));
    let at = |speed: u64| ((words + speed / 2) / speed).max(1);
    (at(fast.max(slow)), at(slow.min(fast)))
}

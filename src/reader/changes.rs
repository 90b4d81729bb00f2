//! What changed in an article since it was saved: a comparison of two checked articles block by
//! block. The library keeps typed blocks, not HTML, so it can say exactly which parts of the text
//! a publisher changed, added or took out, and which corrections are new — what "Updated since you
//! saved it" shows. Pure: the same two articles give the same answer, natively tested.

use crate::core::model::{Article, Block};

/// How one block of the current article stands against the saved article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockMark {
    /// The same block is in the saved article, in the same order relative to its neighbours.
    Same,
    /// The same block is in the saved article, elsewhere: it was moved, not rewritten.
    Moved,
    /// It takes the place of a saved block of the same kind that differs (a changed word, another
    /// picture, another list item).
    Changed,
    /// The saved article had nothing in its place.
    Added,
}

/// The differences between a saved article and the publisher's current one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// One mark per block of the current article's body, in order.
    pub blocks: Vec<BlockMark>,
    /// Saved blocks with no counterpart in the current article.
    pub removed: usize,
    /// The headline is another.
    pub headline: bool,
    /// The summary is another.
    pub summary: bool,
    /// The lead picture is another (or one was added or taken away).
    pub lead_image: bool,
    /// The current article's corrections that the saved one did not have (indices into
    /// `Article::corrections`), to pin in the notice.
    pub new_corrections: Vec<usize>,
}

impl Changes {
    /// Nothing a reader would see differs: the notice says nothing.
    pub fn is_empty(&self) -> bool {
        self.count(BlockMark::Changed) == 0
            && self.count(BlockMark::Added) == 0
            && self.count(BlockMark::Moved) == 0
            && self.removed == 0
            && !self.headline
            && !self.summary
            && !self.lead_image
            && self.new_corrections.is_empty()
    }

    /// How many blocks carry `mark`.
    pub fn count(&self, mark: BlockMark) -> usize {
        self.blocks.iter().filter(|m| **m == mark).count()
    }

    /// The current article's note blocks (corrections, clarifications … in the body) that are new
    /// or changed, by index: pinned in the notice with the article's new corrections.
    pub fn new_note_blocks(&self, current: &Article) -> Vec<usize> {
        self.blocks
            .iter()
            .zip(current.body.iter())
            .enumerate()
            .filter(|(_, (mark, block))| {
                matches!(mark, BlockMark::Added | BlockMark::Changed)
                    && matches!(block, Block::Note { .. })
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// The longest common subsequence is worked out on at most this many cells (the middle of the
/// two bodies, once their common start and end are set aside); a larger middle is compared by
/// position only, which is slower to read but never slow to compute.
const MAX_LCS_CELLS: usize = 4_000_000;

/// Compares the article as it was saved with the article as the publisher serves it now.
pub fn compare(saved: &Article, current: &Article) -> Changes {
    let (old, new) = (&saved.body[..], &current.body[..]);
    // For each current block, the saved block it is the same as (in order), if any.
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    for (i, slot) in matched.iter_mut().enumerate().take(prefix) {
        *slot = Some(i);
    }
    for (k, slot) in matched.iter_mut().rev().enumerate().take(suffix) {
        *slot = Some(old.len() - 1 - k);
    }
    let (old_mid, new_mid) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    if old_mid.len().saturating_mul(new_mid.len()) <= MAX_LCS_CELLS {
        for (i, j) in common_subsequence(&old[old_mid.clone()], &new[new_mid.clone()]) {
            matched[new_mid.start + j] = Some(old_mid.start + i);
        }
    }
    let mut old_used = vec![false; old.len()];
    for i in matched.iter().flatten() {
        old_used[*i] = true;
    }
    let mut blocks: Vec<BlockMark> = matched
        .iter()
        .map(|m| {
            if m.is_some() {
                BlockMark::Same
            } else {
                BlockMark::Added
            }
        })
        .collect();
    // A block that is out of order but the same as a saved one was moved.
    for (j, block) in new.iter().enumerate() {
        if matched[j].is_none() {
            if let Some(i) = (0..old.len()).find(|&i| !old_used[i] && old[i] == *block) {
                old_used[i] = true;
                matched[j] = Some(i);
                blocks[j] = BlockMark::Moved;
            }
        }
    }
    // Between two blocks that stayed, a current block takes the place of a saved block of the
    // same kind left there: changed, not added.
    let mut j = 0;
    while j < new.len() {
        if matched[j].is_some() {
            j += 1;
            continue;
        }
        let gap_end = (j..new.len())
            .find(|&k| blocks[k] == BlockMark::Same)
            .unwrap_or(new.len());
        let old_start = (0..j)
            .rev()
            .find_map(|k| (blocks[k] == BlockMark::Same).then(|| matched[k]).flatten())
            .map_or(0, |i| i + 1);
        let old_end = (gap_end < new.len())
            .then(|| matched[gap_end])
            .flatten()
            .unwrap_or(old.len());
        for k in j..gap_end {
            if matched[k].is_some() {
                continue;
            }
            let kind = std::mem::discriminant(&new[k]);
            let same_kind = (old_start..old_end.max(old_start))
                .find(|&i| !old_used[i] && std::mem::discriminant(&old[i]) == kind);
            if let Some(i) = same_kind {
                old_used[i] = true;
                matched[k] = Some(i);
                blocks[k] = BlockMark::Changed;
            }
        }
        j = gap_end;
    }
    let new_corrections = current
        .corrections
        .iter()
        .enumerate()
        .filter(|(_, note)| !saved.corrections.contains(note))
        .map(|(i, _)| i)
        .collect();
    Changes {
        blocks,
        removed: old_used.iter().filter(|used| !**used).count(),
        headline: saved.headline != current.headline,
        summary: saved.summary != current.summary,
        lead_image: saved.lead_image != current.lead_image,
        new_corrections,
    }
}

/// The pairs (saved index, current index) of a longest common subsequence of two block lists.
fn common_subsequence(old: &[Block], new: &[Block]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    // lengths[i][j]: the longest common subsequence of old[i..] and new[j..].
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if old[i] == new[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if old[i] == new[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

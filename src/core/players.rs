//! The known players (spec §7 `embed.frame`): the only addresses the reader ever puts in a frame,
//! and only after the reader asks for it with a click. A link or a publisher's `frame` that is one
//! of them becomes the player's own privacy-enhanced embed address, rebuilt here from its id
//! alone; anything else — another host, a look-alike (`youtube-nocookie.com.evil.test`), userinfo
//! or a port, an id with other characters — is no player, and the card links out.

use crate::core::url_policy::{self, SafeUrl, UrlUse};

/// A player the reader may frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Player {
    /// The provider's name, as readers know it ("YouTube").
    pub provider: &'static str,
    /// The embed address: `www.youtube-nocookie.com/embed/…`, `player.vimeo.com/video/…?dnt=1` ….
    pub frame: SafeUrl,
}

/// The origins the players are framed from, for the host's `frame-src` (the embed guide lists
/// them).
pub const FRAME_ORIGINS: [&str; 5] = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://open.spotify.com",
    "https://w.soundcloud.com",
    "https://www.dailymotion.com",
];

/// The player behind `url` (a watch page, a short link or an embed address), if it is a known
/// one.
pub fn player(url: &SafeUrl) -> Option<Player> {
    // A `SafeUrl` is already WHATWG-normalised: lower-case scheme and host, `%`-encoded path.
    let rest = url
        .as_str()
        .strip_prefix("https://")
        .or_else(|| url.as_str().strip_prefix("http://"))?;
    let rest = rest.split('#').next().unwrap_or(rest);
    let (authority, path_query) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.contains(['@', ':']) {
        return None;
    }
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let param = |name: &str| {
        url_policy::query_pairs(query)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    };
    let host = authority.strip_prefix("www.").unwrap_or(authority);
    let (provider, frame) = match (host, segments.as_slice()) {
        ("youtube.com" | "m.youtube.com" | "youtube-nocookie.com", ["watch"]) => {
            youtube(&param("v")?)?
        }
        (
            "youtube.com" | "m.youtube.com" | "youtube-nocookie.com",
            ["embed" | "shorts" | "live" | "v", id],
        ) => youtube(id)?,
        ("youtu.be", [id]) => youtube(id)?,
        ("vimeo.com", [.., id]) | ("player.vimeo.com", ["video", id]) if is_digits(id) => (
            "Vimeo",
            ["https://player.vimeo.com/video/", id, "?dnt=1"].concat(),
        ),
        ("open.spotify.com", segments) => {
            let segments = match segments {
                ["embed", rest @ ..] => rest,
                rest => rest,
            };
            let segments = match segments {
                [lang, rest @ ..] if lang.starts_with("intl-") => rest,
                rest => rest,
            };
            let [kind @ ("track" | "album" | "playlist" | "episode" | "show" | "artist"), id] =
                segments
            else {
                return None;
            };
            if id.len() != 22 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            (
                "Spotify",
                ["https://open.spotify.com/embed/", kind, "/", id].concat(),
            )
        }
        ("w.soundcloud.com", ["player"]) => {
            let api = param("url")?;
            let rest = api
                .strip_prefix("https://api.soundcloud.com/")
                .or_else(|| api.strip_prefix("http://api.soundcloud.com/"))?;
            let (kind @ ("tracks" | "playlists"), id) = rest.split_once('/')? else {
                return None;
            };
            if !is_digits(id) {
                return None;
            }
            (
                "SoundCloud",
                [
                    "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/",
                    kind,
                    "/",
                    id,
                ]
                .concat(),
            )
        }
        ("dailymotion.com", ["video" | "embed", ..]) | ("dai.ly", [_]) => {
            let id = segments.last()?;
            let id = id.split('_').next().unwrap_or(id);
            if !(1..=16).contains(&id.len()) || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            (
                "Dailymotion",
                ["https://www.dailymotion.com/embed/video/", id].concat(),
            )
        }
        _ => return None,
    };
    Some(Player {
        provider,
        frame: url_policy::resolve(&frame, None, UrlUse::Web)?,
    })
}

/// A YouTube video id (11 of `A–Z a–z 0–9 - _`) as its privacy-enhanced embed address.
fn youtube(id: &str) -> Option<(&'static str, String)> {
    (id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| {
        (
            "YouTube",
            ["https://www.youtube-nocookie.com/embed/", id].concat(),
        )
    })
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.len() <= 20 && text.bytes().all(|b| b.is_ascii_digit())
}

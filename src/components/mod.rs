//! The Yew components. Each renders part of the DOM fixed by section 3 of the format; none takes a
//! raw address (only [`SafeUrl`]) and none writes HTML strings.

mod article;
pub mod body;
mod offline;
mod page;
mod reader;
mod related;
mod share_bar;

pub use article::{ArticleView, ArticleViewProps};
pub use offline::{SaveControl, SavedList};
pub use page::PageApp;
pub use reader::{Reader, ReaderProps};
pub use share_bar::ShareBar;

use yew::AttrValue;

use crate::model::Text;
use crate::url_policy::SafeUrl;

/// A checked address as an attribute value, sharing its string.
pub(crate) fn href(url: &SafeUrl) -> AttrValue {
    AttrValue::Rc(url.as_rc().clone())
}

/// Document text as an attribute or text value, sharing its string.
pub(crate) fn text(t: &Text) -> AttrValue {
    AttrValue::Rc(t.clone())
}

/// What every link to another page carries (the format's safety rules).
pub(crate) const EXTERNAL_REL: &str = "noopener noreferrer";

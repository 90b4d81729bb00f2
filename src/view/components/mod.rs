//! The Yew components. Each renders part of the DOM fixed by section 3 of the format; none takes a
//! raw address (only [`SafeUrl`]) and none writes HTML strings.

mod article;
pub mod body;
mod error_view;
mod first_screen;
mod listen;
mod reader;
mod share_bar;
mod tools;

pub use article::{date_text, ArticleView, ArticleViewProps};
pub use listen::Listen;
pub use reader::{Reader, ReaderProps};
pub use share_bar::ShareBar;
pub use tools::ReaderTools;

use std::ops::Deref;
use std::rc::Rc;

use yew::{html, AttrValue, Html};

use crate::core::model::Text;
use crate::core::url_policy::SafeUrl;

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

/// `content` as a link to another page when there is an address, else as it is: one place for
/// the format's link rules, and one copy of the link's view code in the wasm instead of one per
/// linked thing.
pub(crate) fn linked(url: Option<&SafeUrl>, content: Html) -> Html {
    match url {
        Some(url) => {
            html! { <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ content }</a> }
        }
        None => content,
    }
}

/// Immutable shared data as a prop or a memo key: equal only to itself (the same `Rc`). A loaded
/// article never changes, and a new load is a new `Rc`, so comparing by value would only walk a
/// whole document on every render of the parent.
pub struct ById<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for ById<T> {
    fn clone(&self) -> Self {
        ById(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for ById<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for ById<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for ById<T> {
    fn from(rc: Rc<T>) -> Self {
        ById(rc)
    }
}

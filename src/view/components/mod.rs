//! The Yew components. Each renders part of the DOM fixed by section 3 of the format; none takes a
//! raw address (only [`SafeUrl`]) and none writes HTML strings.

mod article;
pub(crate) mod first_screen;
mod listen;
mod reader;
mod resume;
mod share_bar;
mod tools;

pub(crate) use article::draw;
pub use article::{ArticleView, ArticleViewProps};
pub use listen::Listen;
pub(crate) use reader::{ui_for, wrapper_element};
pub use reader::{Reader, ReaderProps};
#[cfg(feature = "page")]
pub(crate) use resume::body_whole;
pub use resume::{Resume, ResumeProps};
pub use share_bar::{ShareBar, ShareBarProps};
pub use tools::{ReaderTools, ReaderToolsProps};

use std::ops::Deref;
use std::rc::Rc;

use yew::AttrValue;

use crate::core::url_policy::SafeUrl;

/// A checked address as an attribute value, sharing its string.
pub(crate) fn href(url: &SafeUrl) -> AttrValue {
    AttrValue::Rc(url.as_rc().clone())
}

pub(crate) use crate::view::render::EXTERNAL_REL;

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

impl<T: ?Sized> std::fmt::Debug for ById<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ById({:p})", Rc::as_ptr(&self.0))
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

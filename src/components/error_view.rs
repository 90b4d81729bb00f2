use yew::prelude::*;

use crate::i18n::Ui;
use crate::ui::error_view as names;

/// Props of [`ErrorView`].
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorViewProps {
    /// Why, in the reader's words (a [`crate::error::ReaderError`]'s message).
    pub detail: AttrValue,
    /// The decoder's English detail for the publisher, after a message in another language.
    #[prop_or_default]
    pub technical: Option<AttrValue>,
    /// What "Try again" does.
    pub on_retry: Callback<MouseEvent>,
}

/// The alert with "Try again". Its words, classes and `::part()` names come from `ui/`, as do
/// those of the panic view and of `embed.js`'s start failure, so a host's `::part(error)` styles
/// every one of them.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    html! {
        <div class={names::CLASS_ALERT} role="alert" part={names::PART_ALERT}>
            <p class={names::CLASS_TITLE}>{ ui.words.error_title }</p>
            <p class={names::CLASS_DETAIL}>
                { props.detail.clone() }
                if let Some(technical) = &props.technical {
                    { " " }<span lang="en" dir="ltr">{ technical.clone() }</span>
                }
            </p>
            <button type="button" class={names::CLASS_BUTTON} onclick={props.on_retry.clone()}>{ ui.words.try_again }</button>
        </div>
    }
}

use yew::prelude::*;

use super::article::date_text;
use super::body::{picture, Load};
use super::{linked, text};
use crate::i18n::Ui;
use crate::model::Related;

/// The related-story cards: a section labelled by its heading, one list item per card, the
/// headline as the card's link (so the link's accessible name is the headline alone).
/// A render function, not a component: the cards come from the immutable article.
pub(crate) fn related_cards(items: &[Related], ui: &Ui, heading_id: &AttrValue) -> Html {
    html! {
        <section class="related" part="related" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id.clone()} lang={ui.lang()} dir={ui.dir()}>{ ui.words.related_stories }</h2>
            <ul class="related-list">
                for (i, item) in items.iter().enumerate() {
                    <li key={i} class="related-card">
                        if let Some(image) = &item.image {
                            { picture(image, Some("related-image"), text(&image.alt), Load::Lazy) }
                        }
                        if let Some(section) = &item.section {
                            <p class="related-section">{ text(section) }</p>
                        }
                        <h3 class="related-headline">
                            { linked(item.url.as_ref(), text(&item.headline).into()) }
                        </h3>
                        if let Some(summary) = &item.summary {
                            <p class="related-summary">{ text(summary) }</p>
                        }
                        if let Some(date) = &item.published {
                            <p class="related-date" lang={ui.lang()}>{ date_text(date, &ui.locale) }</p>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

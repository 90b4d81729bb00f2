use yew::prelude::*;

use super::Listen;
use crate::reader::config::Controls;
use crate::reader::i18n::Ui;
use crate::reader::settings::Theme;
use crate::reader::settings::{Font, ReadingSettings, LARGEST};

/// Props of [`ReaderTools`].
#[derive(Properties, Clone, PartialEq)]
pub struct ReaderToolsProps {
    /// The reader's current choices.
    pub settings: ReadingSettings,
    /// The embedder's `theme`: what "Theme" shows until the reader chooses.
    pub default_theme: Theme,
    /// Which controls show (`controls`).
    pub controls: Controls,
    /// A new choice; the reader applies and remembers it.
    pub on_change: Callback<ReadingSettings>,
    /// Prefix for this instance's element ids and radio names.
    pub id_prefix: AttrValue,
}

/// The reader's tools under the byline: "Reading settings" with its panel (text size, theme,
/// font) and "Listen". The panel floats over the article, so opening it moves no content.
#[component]
pub fn ReaderTools(props: &ReaderToolsProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let open = use_state(|| false);
    let toggle = use_node_ref();
    let Controls {
        settings: show_settings,
        listen,
    } = props.controls;
    if !show_settings && !listen {
        return html! {};
    }
    let panel_id = AttrValue::from(format!("{}-settings", props.id_prefix));
    let s = props.settings;
    let click = |next: ReadingSettings| {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(next))
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // Escape closes the panel and gives focus back to its button.
    let on_key = {
        let (open, toggle) = (open.clone(), toggle.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *open {
                event.prevent_default();
                open.set(false);
                if let Some(button) = toggle.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    let theme = s.theme_or(props.default_theme);
    let themes = [
        (Theme::Auto, w.theme_auto),
        (Theme::Light, w.theme_light),
        (Theme::Dark, w.theme_dark),
        (Theme::Sepia, w.theme_sepia),
    ]
    .map(|(value, label)| Choice {
        value: value.as_str(),
        label,
        checked: theme == value,
        next: ReadingSettings {
            theme: Some(value),
            ..s
        },
    });
    let fonts =
        [(Font::Serif, w.font_serif), (Font::Sans, w.font_sans)].map(|(value, label)| Choice {
            value: value.as_str(),
            label,
            checked: s.font == value,
            next: ReadingSettings { font: value, ..s },
        });
    let radio_name = |group: &str| format!("{}-{group}", props.id_prefix);
    html! {
        <div class="reader-tools" lang={ui.lang()} dir={ui.dir()} onkeydown={on_key}>
            <div class="tools-bar">
                if show_settings {
                    <button ref={toggle} type="button" class="reader-button tools-toggle"
                        aria-expanded={if *open { "true" } else { "false" }}
                        aria-controls={panel_id.clone()}
                        onclick={on_toggle}>
                        { w.settings }
                    </button>
                }
                if listen {
                    <Listen />
                }
            </div>
            if show_settings && *open {
                <div id={panel_id} class="settings-panel" role="group" aria-label={w.settings}>
                    <div class="settings-row" role="group" aria-label={w.text_size}>
                        <span class="settings-label" aria-hidden="true">{ w.text_size }</span>
                        <button type="button" class="reader-button" aria-disabled={(s.text_size <= 1).then_some("true")} onclick={click(s.smaller())}>{ w.smaller }</button>
                        <button type="button" class="reader-button" aria-disabled={(s.text_size >= LARGEST).then_some("true")} onclick={click(s.larger())}>{ w.larger }</button>
                    </div>
                    { radio_group(w.theme, radio_name("theme"), &themes, &props.on_change) }
                    { radio_group(w.font, radio_name("font"), &fonts, &props.on_change) }
                </div>
            }
        </div>
    }
}

/// One option of a radio group: what it is called and the settings it chooses.
struct Choice {
    value: &'static str,
    label: &'static str,
    checked: bool,
    next: ReadingSettings,
}

/// A radio group (`fieldset` with `role="radiogroup"`, named by its legend): native radios, so
/// arrow keys move the choice and each change applies at once.
fn radio_group(
    legend: &'static str,
    name: String,
    choices: &[Choice],
    on_change: &Callback<ReadingSettings>,
) -> Html {
    html! {
        <fieldset class="settings-row" role="radiogroup">
            <legend class="settings-label">{ legend }</legend>
            for choice in choices {
                <label key={choice.value} class="settings-choice">
                    <input type="radio" name={name.clone()} value={choice.value} checked={choice.checked}
                        onchange={let (on_change, next) = (on_change.clone(), choice.next); Callback::from(move |_: Event| on_change.emit(next))} />
                    { choice.label }
                </label>
            }
        </fieldset>
    }
}

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::Listen;
use crate::core::model::{Article, Block};
use crate::platform;
use crate::reader::config::Controls;
use crate::reader::i18n::Ui;
use crate::reader::settings::Theme;
use crate::reader::settings::{Font, LineSpacing, Measure, ReadingSettings, LARGEST};

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
    /// The article's section headings (body block index, text): "Contents" lists them when
    /// there are at least [`CONTENTS_MIN`].
    #[prop_or_default]
    pub contents: Rc<[(usize, AttrValue)]>,
}

/// The article's section headings for "Contents": each body heading's block index and text.
pub(super) fn section_headings(article: &Article) -> Rc<[(usize, AttrValue)]> {
    article
        .body
        .iter()
        .enumerate()
        .filter_map(|(i, block)| match block {
            Block::Heading { content, .. } => Some((i, AttrValue::from(content.plain_text()))),
            _ => None,
        })
        .collect()
}

/// How many headings make a contents list worth having.
const CONTENTS_MIN: usize = 3;

/// Which of the tools' floating lists is open: one at a time, so they never cover each other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Settings,
    Contents,
}

/// The reader's tools under the byline: "Reading settings" with its panel (text size, theme,
/// font, column width, line spacing, more text spacing, hyphenation, data saver), "Listen" and
/// "Contents". The panel and the list float over the article, so opening one moves no content;
/// opening one closes the other.
#[component]
pub fn ReaderTools(props: &ReaderToolsProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let showing = use_state(|| Open::Nothing);
    let open = *showing == Open::Settings;
    let toggle = use_node_ref();
    // The legible font's faces join the page's fonts once it is chosen (its files are fetched
    // only then, and only the faces the text uses); from this module, which comes just after
    // the article's first paint: until then the text is in the system's sans-serif.
    if props.settings.font == Font::Legible {
        crate::platform::add_legible_font();
    }
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
        let showing = showing.clone();
        Callback::from(move |_: MouseEvent| {
            showing.set(if open { Open::Nothing } else { Open::Settings })
        })
    };
    // Escape closes the panel and gives focus back to its button.
    let on_key = {
        let (showing, toggle) = (showing.clone(), toggle.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && open {
                event.prevent_default();
                showing.set(Open::Nothing);
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
    let fonts = [
        (Font::Serif, w.font_serif),
        (Font::Sans, w.font_sans),
        (Font::Legible, w.font_legible),
    ]
    .map(|(value, label)| Choice {
        value: value.as_str(),
        label,
        checked: s.font == value,
        next: ReadingSettings { font: value, ..s },
    });
    let measures = Measure::ALL.map(|value| Choice {
        value: value.as_str(),
        label: match value {
            Measure::Narrow => w.measure_narrow,
            Measure::Normal => w.measure_normal,
            Measure::Wide => w.measure_wide,
        },
        // Until the reader chooses, none is checked: the page's own layout applies.
        checked: s.measure == Some(value),
        next: ReadingSettings {
            measure: Some(value),
            ..s
        },
    });
    let spacings = LineSpacing::ALL.map(|value| Choice {
        value: value.as_str(),
        label: match value {
            LineSpacing::Normal => w.line_spacing_normal,
            LineSpacing::Relaxed => w.line_spacing_relaxed,
            LineSpacing::Loose => w.line_spacing_loose,
        },
        checked: s.line_spacing == Some(value),
        next: ReadingSettings {
            line_spacing: Some(value),
            ..s
        },
    });
    let switch = |label: &'static str, on: bool, next: ReadingSettings| {
        let on_change = props.on_change.clone();
        html! {
            <label class="settings-row settings-switch">
                <input type="checkbox" checked={on}
                    onchange={Callback::from(move |_: Event| on_change.emit(next))} />
                { label }
            </label>
        }
    };
    let saves_data = s.saves_data(crate::platform::browser_saves_data());
    let radio_name = |group: &str| format!("{}-{group}", props.id_prefix);
    let contents_open = *showing == Open::Contents;
    let contents = (props.contents.len() >= CONTENTS_MIN).then(|| {
        let showing = showing.clone();
        let on_toggle = Callback::from(move |()| {
            showing.set(if contents_open {
                Open::Nothing
            } else {
                Open::Contents
            })
        });
        html! {
            <Contents headings={props.contents.clone()} id_prefix={props.id_prefix.clone()}
                open={contents_open} {on_toggle} />
        }
    });
    html! {
        <div class="reader-tools" lang={ui.lang()} dir={ui.dir()} onkeydown={on_key}>
            <div class="tools-bar">
                if show_settings {
                    <button ref={toggle} type="button" class="reader-button tools-toggle"
                        aria-expanded={if open { "true" } else { "false" }}
                        aria-controls={panel_id.clone()}
                        onclick={on_toggle}>
                        { w.settings }
                    </button>
                }
                if listen {
                    <Listen />
                }
                { contents }
            </div>
            if show_settings && open {
                <div id={panel_id} class="settings-panel" role="group" aria-label={w.settings}>
                    <div class="settings-row" role="group" aria-label={w.text_size}>
                        <span class="settings-label" aria-hidden="true">{ w.text_size }</span>
                        <button type="button" class="reader-button" aria-disabled={(s.text_size <= 1).then_some("true")} onclick={click(s.smaller())}>{ w.smaller }</button>
                        <button type="button" class="reader-button" aria-disabled={(s.text_size >= LARGEST).then_some("true")} onclick={click(s.larger())}>{ w.larger }</button>
                    </div>
                    { radio_group(w.theme, radio_name("theme"), &themes, &props.on_change) }
                    { radio_group(w.font, radio_name("font"), &fonts, &props.on_change) }
                    { radio_group(w.measure, radio_name("measure"), &measures, &props.on_change) }
                    { radio_group(w.line_spacing, radio_name("lines"), &spacings, &props.on_change) }
                    { switch(w.more_spacing, s.more_spacing, ReadingSettings { more_spacing: !s.more_spacing, ..s }) }
                    { switch(w.hyphens, s.hyphens, ReadingSettings { hyphens: !s.hyphens, ..s }) }
                    { switch(w.save_data, saves_data, ReadingSettings { save_data: Some(!saves_data), ..s }) }
                    <details class="settings-keys">
                        <summary>{ w.keys_title }</summary>
                        <p>{ w.keys_note }</p>
                        <dl>
                            <dt><kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd></dt>
                            <dd>{ w.keys_parts }</dd>
                            <dt><kbd>{ "h" }</kbd>{ " / " }<kbd>{ "H" }</kbd></dt>
                            <dd>{ w.keys_headings }</dd>
                            <dt><kbd>{ "l" }</kbd></dt>
                            <dd>{ w.listen_from_here }</dd>
                            <dt><kbd>{ "s" }</kbd></dt>
                            <dd>{ w.settings }</dd>
                            <dt><kbd>{ "c" }</kbd></dt>
                            <dd>{ w.contents }</dd>
                        </dl>
                    </details>
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

/// Props of [`Contents`].
#[derive(Properties, Clone, PartialEq)]
struct ContentsProps {
    headings: Rc<[(usize, AttrValue)]>,
    id_prefix: AttrValue,
    /// Whether the list is open (the tools keep one list open at a time).
    open: bool,
    on_toggle: Callback<()>,
}

/// "Contents": the article's sections as a list that opens under the tools; the section being
/// read is marked (`aria-current`) as the reader scrolls; choosing one moves there, with the
/// focus on its heading.
#[component]
fn Contents(props: &ContentsProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let open = props.open;
    let current = use_state(|| None::<usize>);
    let host = use_node_ref();
    {
        let (current, host) = (current.clone(), host.clone());
        use_effect_with(open, move |open| {
            let listener = (*open).then(|| {
                let update = move || current.set(section_in_view(&host));
                update();
                web_sys::window()
                    .map(|window| EventListener::new(&window, "scroll", move |_| update()))
            });
            move || drop(listener)
        });
    }
    let list_id = AttrValue::from(format!("{}-contents", props.id_prefix));
    let on_toggle = props.on_toggle.reform(|_: MouseEvent| ());
    let go = |block: usize| {
        let (host, current) = (host.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            current.set(Some(block));
            if let Some(heading) = heading_element(&host, block) {
                heading.scroll_into_view();
                crate::platform::focus_part(&heading);
            }
        })
    };
    html! {
        <div class="contents" ref={host.clone()}>
            <button type="button" class="reader-button contents-toggle"
                aria-expanded={if open { "true" } else { "false" }}
                aria-controls={list_id.clone()}
                onclick={on_toggle}>
                { w.contents }
            </button>
            if open {
                <nav id={list_id} class="contents-list" aria-label={w.contents}>
                    <ol>
                        for (block, text) in props.headings.iter() {
                            <li key={*block}>
                                <button type="button" class="contents-link"
                                    aria-current={(*current == Some(*block)).then_some("true")}
                                    onclick={go(*block)}>
                                    { text.clone() }
                                </button>
                            </li>
                        }
                    </ol>
                </nav>
            }
        </div>
    }
}

/// The heading of body block `block` in the article around `host`.
fn heading_element(host: &NodeRef, block: usize) -> Option<web_sys::HtmlElement> {
    let article = host.cast::<web_sys::Element>()?.closest("article").ok()??;
    article
        .query_selector(&format!(".article-body [data-block=\"{block}\"]"))
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The section being read: the last heading that has reached the top of the view.
fn section_in_view(host: &NodeRef) -> Option<usize> {
    let article = host.cast::<web_sys::Element>()?.closest("article").ok()??;
    // A heading brought to the top (by "Contents" or the keys) counts as reached.
    let line = 8.0;
    let mut found = None;
    for heading in platform::elements(&article, ".article-body > :is(h2, h3, h4)[data-block]") {
        if heading.get_bounding_client_rect().top() > line {
            break;
        }
        found = heading
            .get_attribute("data-block")
            .and_then(|b| b.parse().ok());
    }
    found
}

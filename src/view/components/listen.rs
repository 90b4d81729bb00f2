use gloo_events::EventListener;
use yew::prelude::*;

use std::rc::Rc;

use crate::on_demand;
use crate::platform::on_demand::ModuleMissing;
use crate::platform::speech::{self, Narration, Progress};
use crate::reader::i18n::Ui;

/// The speeds offered, as rates of the voice's normal speed.
const RATES: [(&str, f32); 5] = [
    ("0.75", 0.75),
    ("1", 1.0),
    ("1.25", 1.25),
    ("1.5", 1.5),
    ("2", 2.0),
];

/// Why Listen stopped or could not start.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Failure {
    /// The browser's voice failed.
    Voice,
    /// Listen's module could not be loaded.
    Missing,
}

/// What the Listen control shows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Status {
    Idle,
    Playing,
    Paused,
}

/// Starts reading `article` aloud: what finds the parts to read and speaks them is a module of
/// its own, loaded when Listen is first pressed.
#[cfg_attr(article_reader_split, wasm_split_helpers::wasm_split(listen, fallible))]
fn start_narration(
    article: web_sys::Element,
    lang: String,
    rate: f32,
    notify: Rc<dyn Fn(Progress)>,
) -> Result<Option<Narration>, ModuleMissing> {
    Ok(Narration::start(&article, &lang, rate, notify))
}

/// "Listen": reads the article aloud (only where the browser has speech synthesis). While it
/// reads, its controls — Pause/Resume, Previous and Next paragraph, Stop, Speed — stay at the
/// bottom of the screen for as long as the article is on it (a bar docked at the article's end).
/// Reading stops when the widget goes away or the page is hidden.
#[component]
pub fn Listen() -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let available = use_memo((), |_| speech::available());
    let status = use_state(|| Status::Idle);
    // Why reading stopped or could not start, when it failed: the voice, or Listen's module.
    let failed = use_state(|| None::<Failure>);
    let rate = use_state(|| 1.0f32);
    let narration = use_mut_ref(|| None::<Narration>);
    let start_button = use_node_ref();
    let pause_button = use_node_ref();

    let refocus = use_mut_ref(|| false);

    // Stop when the page is hidden, and when the widget goes away (the narration is dropped).
    {
        let (narration, status) = (narration.clone(), status.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    let target = document.clone();
                    let narration = narration.clone();
                    EventListener::new(&target, "visibilitychange", move |_| {
                        if document.hidden() && narration.borrow_mut().take().is_some() {
                            status.set(Status::Idle);
                        }
                    })
                });
            move || {
                drop(listener);
                drop(narration.borrow_mut().take());
            }
        });
    }
    // Focus follows the controls: to Pause when reading starts (the Listen button hides), back
    // to Listen after Stop (the bar goes away).
    {
        let (pause_button, start_button, refocus) =
            (pause_button.clone(), start_button.clone(), refocus.clone());
        use_effect_with(*status == Status::Idle, move |idle| {
            let target = if *idle { start_button } else { pause_button };
            if std::mem::take(&mut *refocus.borrow_mut()) {
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    // Without scrolling: when reading stops, the view stays where it ended.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&options);
                }
            }
        });
    }
    if !*available {
        return html! {};
    }

    let on_progress = {
        let (status, failed, narration) = (status.clone(), failed.clone(), narration.clone());
        move |progress: Progress| match progress {
            Progress::Reading { .. } => status.set(Status::Playing),
            Progress::Finished | Progress::Failed => {
                failed.set((progress == Progress::Failed).then_some(Failure::Voice));
                status.set(Status::Idle);
                // Dropped later, outside the engine's event that brought us here.
                let narration = narration.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    narration.borrow_mut().take();
                });
            }
        }
    };
    let on_start = {
        let (narration, start_button, rate, failed, refocus) = (
            narration.clone(),
            start_button.clone(),
            rate.clone(),
            failed.clone(),
            refocus.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            failed.set(None);
            *refocus.borrow_mut() = true;
            let Some(article) = article_of(&start_button) else {
                return;
            };
            let lang = article.get_attribute("lang").unwrap_or_default();
            let (narration, failed, rate) = (narration.clone(), failed.clone(), *rate);
            let notify: Rc<dyn Fn(Progress)> = Rc::new(on_progress.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match on_demand!(start_narration(article, lang, rate, notify)) {
                    Ok(started) => *narration.borrow_mut() = started,
                    // Its module could not be loaded: Listen says it could not start.
                    Err(_) => failed.set(Some(Failure::Missing)),
                }
            });
        })
    };
    let act = |action: fn(&Narration), next: Option<Status>| {
        let (narration, status) = (narration.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(n) = narration.borrow().as_ref() {
                action(n);
            }
            if let Some(next) = next {
                status.set(next);
            }
        })
    };
    let on_stop = {
        let (narration, status, refocus) = (narration.clone(), status.clone(), refocus.clone());
        Callback::from(move |_: MouseEvent| {
            *refocus.borrow_mut() = true;
            narration.borrow_mut().take();
            status.set(Status::Idle);
        })
    };
    let on_rate = {
        let (narration, rate) = (narration.clone(), rate.clone());
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let value = RATES
                .iter()
                .find(|(v, _)| *v == select.value())
                .map_or(1.0, |(_, r)| *r);
            rate.set(value);
            if let Some(n) = narration.borrow().as_ref() {
                n.set_rate(value);
            }
        })
    };
    let bar = match *status {
        Status::Idle => None,
        playing_or_paused => {
            let paused = playing_or_paused == Status::Paused;
            let rate_label = |r: f32| format!("{}×", ui.decimal(f64::from(r)));
            Some(html! {
                <div class="listen-bar" role="group" aria-label={w.listening} lang={ui.lang()} dir={ui.dir()}>
                    <button ref={pause_button.clone()} type="button" class="reader-button"
                        onclick={if paused { act(Narration::resume, Some(Status::Playing)) } else { act(Narration::pause, Some(Status::Paused)) }}>
                        { if paused { w.resume } else { w.pause } }
                    </button>
                    <button type="button" class="reader-button" onclick={act(Narration::previous, Some(Status::Playing))}>{ w.previous }</button>
                    <button type="button" class="reader-button" onclick={act(Narration::next, Some(Status::Playing))}>{ w.next }</button>
                    <button type="button" class="reader-button listen-stop" onclick={on_stop}>{ w.stop }</button>
                    <label class="listen-rate">
                        { w.speed }
                        <select onchange={on_rate}>
                            for (value, r) in RATES {
                                <option key={value} value={value} selected={(*rate - r).abs() < 0.01}>{ rate_label(r) }</option>
                            }
                        </select>
                    </label>
                </div>
            })
        }
    };
    // The bar lives at the end of the article (see the stylesheet's `.reader-dock`).
    let docked = bar.and_then(|bar| {
        let dock = article_of(&start_button)?
            .query_selector(".reader-dock")
            .ok()??;
        Some(create_portal(bar, dock))
    });
    html! {
        <>
            <button ref={start_button} type="button" class="reader-button listen-toggle"
                hidden={*status != Status::Idle} onclick={on_start}>
                { w.listen }
            </button>
            if let Some(failure) = *failed {
                <p class="listen-status" role="status">{
                    match failure {
                        Failure::Voice => w.listen_failed,
                        Failure::Missing => w.listen_missing,
                    }
                }</p>
            }
            if let Some(docked) = docked {
                { docked }
            }
        </>
    }
}

/// The article the Listen button belongs to.
fn article_of(button: &NodeRef) -> Option<web_sys::Element> {
    button.cast::<web_sys::Element>()?.closest("article").ok()?
}

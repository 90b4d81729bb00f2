// The article reader for other people's pages: defines <article-reader> and runs one WebAssembly
// instance for every such element on the page. This file keeps its name from build to build; the
// build writes the names of the (hashed) glue, wasm and stylesheet below, and every one of them is
// resolved against this file's own URL, never the host page's.
//
// Host-page citizenship: no globals (this is a module), no inline script or style, no innerHTML,
// no eval; the widget renders in an open shadow root with its stylesheet inside it.

const GLUE = '__ARTICLE_READER_GLUE__';
const WASM = '__ARTICLE_READER_WASM__';
const CSS = '__ARTICLE_READER_CSS__';
// The error view's classes, ::part() names and words (ui/ in the source), as the wasm has them.
const UI = __ARTICLE_READER_UI__;
const HERE = new URL('.', import.meta.url);

let instance; // Promise of the glue module once the wasm is instantiated: shared by all elements.

function start() {
  if (!instance) {
    // The wasm's download starts beside the glue's, not after it: one round trip less before the
    // first article. (The same request the glue would make; its failure surfaces through init.)
    const wasm = fetch(new URL(WASM, HERE));
    wasm.catch(() => {});
    instance = import(new URL(GLUE, HERE).href).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  }
  instance.catch(() => {
    instance = undefined; // let "Try again" fetch it anew
  });
  return instance;
}

// The attributes the element reads; each is also a property of the same (camelCase) name.
const ATTRIBUTES = ['src', 'theme', 'share', 'timeout', 'format', 'item', 'ui-lang', 'controls', 'loading'];
// The attributes that change only how the article is shown: the widget updates in place (no new
// request, the article's nodes, scroll position, selection and narration stay). Any other change
// (src, format, item, the article property) loads the document anew.
const IN_PLACE = new Set(['theme', 'share', 'timeout', 'ui-lang', 'controls', 'loading']);
const propertyName = (attribute) => attribute.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

// How near the viewport (CSS px) a loading="lazy" element starts fetching its document.
const LAZY_MARGIN = '600px 0px';

class ArticleReaderElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #mount;
  #handle = null;
  #generation = 0;
  #document = null;
  #observer = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL(CSS, HERE).href;
    this.#mount = document.createElement('div');
    this.#mount.className = 'reader-mount';
    // The light-DOM children (say, a plain link to the article) show through this slot until the
    // article has rendered, and stay after a failure (the stylesheet hides them after success).
    const fallback = document.createElement('slot');
    root.append(sheet, this.#mount, fallback);
    root.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('[data-reader-retry]')) this.#render();
    });
  }

  // A document as a JavaScript object: shown instead of src and the inline child; null returns
  // to them.
  get article() {
    return this.#document;
  }

  set article(value) {
    this.#document = value ?? null;
    if (this.isConnected) this.#render();
  }

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#teardown();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after) return;
    if (IN_PLACE.has(name) && this.#handle) {
      try {
        this.#handle.update(this.#attributes());
        return;
      } catch (error) {
        console.error('[article-reader]', error);
      }
    }
    this.#start();
  }

  #attributes() {
    return this.getAttributeNames().map((name) => [name, this.getAttribute(name)]);
  }

  // Renders now, or, with loading="lazy", once the element comes near the viewport.
  #start() {
    if (this.getAttribute('loading') !== 'lazy' || this.#handle) {
      this.#observer?.disconnect();
      this.#observer = null;
      this.#render();
      return;
    }
    if (this.#observer) return;
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.#observer.disconnect();
      this.#observer = null;
      this.#render();
    }, { rootMargin: LAZY_MARGIN });
    this.#observer.observe(this);
  }

  // The article property as JSON text for the wasm (which reads it as it reads an inline child);
  // an object JSON cannot hold (a cycle) becomes text the reader reports as not an article.
  #documentText() {
    if (this.#document === null) return undefined;
    try {
      return JSON.stringify(this.#document) ?? '';
    } catch {
      return '';
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(`article-reader:${type}`, { detail, bubbles: true, composed: true }));
  }

  #teardown() {
    const handle = this.#handle;
    this.#handle = null;
    if (!handle) return;
    try {
      handle.destroy();
      handle.free();
    } catch (error) {
      console.error('[article-reader]', error);
    }
  }

  async #render() {
    const generation = ++this.#generation;
    let glue;
    try {
      glue = await start();
    } catch (error) {
      if (generation === this.#generation) this.#showStartFailure(error);
      return;
    }
    // A newer render, or removal, happened while the wasm was loading.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#teardown();
    const inline = this.querySelector(':scope > script[type="application/json"]');
    try {
      // One object crosses into the wasm: the attributes as name/value pairs (the wasm reads the
      // settings from them, as it reads page mode's query), the inline document, and our base.
      this.#handle = glue.mountElement(this.#mount, {
        attributes: this.#attributes(),
        inline: inline ? inline.textContent : undefined,
        base: HERE.href,
        lang: this.#pageLang(),
        document: this.#documentText(),
        notify: (type, detail) => this.#emit(type, detail),
      });
    } catch (error) {
      this.#showStartFailure(error);
    }
  }

  // The language of the page around the element (its nearest lang attribute).
  #pageLang() {
    return this.closest('[lang]')?.getAttribute('lang') ?? '';
  }

  // The wasm could not be fetched or started (network, a host CSP without 'wasm-unsafe-eval'):
  // the error view, as the wasm draws it, built with DOM calls; the light-DOM children stay
  // visible below it. Its language: ui-lang, else the page's, else English (no article yet).
  #showStartFailure(error) {
    console.error('[article-reader] could not start:', error);
    const { class: names, part, words } = UI;
    const code = [this.getAttribute('ui-lang'), this.#pageLang()]
      .map((tag) => (tag ?? '').trim().toLowerCase().split(/[-_]/)[0])
      .find((primary) => primary in words) ?? 'en';
    const text = words[code];
    const element = (tag, className, content) => {
      const el = document.createElement(tag);
      el.className = className;
      if (content) el.textContent = content;
      return el;
    };
    const wrapper = element('div', names.wrapper);
    wrapper.setAttribute('part', part.wrapper);
    wrapper.setAttribute('aria-busy', 'false');
    wrapper.lang = code;
    wrapper.dir = text.dir;
    const alert = element('div', names.alert);
    alert.setAttribute('role', 'alert');
    alert.setAttribute('part', part.alert);
    const retry = element('button', names.button, text.try_again);
    retry.type = 'button';
    retry.dataset.readerRetry = '';
    alert.append(element('p', names.title, text.error_title), element('p', names.detail, text.start_failed), retry);
    wrapper.append(alert);
    this.#mount.replaceChildren(wrapper);
    this.#emit('error', { kind: 'start', message: text.start_failed });
  }
}

// Reflected properties: el.src = '…' sets the attribute (and re-renders); null removes it.
for (const attribute of ATTRIBUTES) {
  Object.defineProperty(ArticleReaderElement.prototype, propertyName(attribute), {
    get() {
      return this.getAttribute(attribute);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
    configurable: true,
    enumerable: true,
  });
}

if (!customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}

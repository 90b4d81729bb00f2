// Types for <article-reader>, the element defined by embed.js (spec §6). Reference this file, or
// copy it beside your code, to have the element, its properties and its events typed.

/** `article-reader:load`: an article has rendered. */
export interface ArticleReaderLoadDetail {
  /** The article's headline. */
  headline: string;
  /** Its canonical address, else the address it was loaded from; null for an inline document. */
  url: string | null;
  /** The format it was read as: v1, wordpress, jsonfeed, jsonld, ans, ghost, applenews. */
  format: string;
  /** How many fields were skipped with a warning (see the console). */
  warnings: number;
}

/** `article-reader:error`: the element shows an alert. */
export interface ArticleReaderErrorDetail {
  /** no-article, bad-source, network, offline, timeout, http, interrupted, wrong-type, not-json,
   * too-large, invalid, internal, or start (the reader could not start on the page). */
  kind: string;
  /** The alert's message, in the UI language. */
  message: string;
  /** The HTTP status, for kind "http". */
  status?: number;
  /** The field path of an invalid document (kind "invalid"), e.g. "body[3].content". */
  path?: string;
}

/** The <article-reader> element. Each string property reflects its attribute; setting one re-renders. */
export interface ArticleReaderElement extends HTMLElement {
  /** Address of the article document. */
  src: string | null;
  /** light, dark, auto or sepia. */
  theme: string | null;
  /** Comma list of share targets: native, copy, x, facebook, linkedin, whatsapp, telegram, reddit, email. */
  share: string | null;
  /** Request time limit in seconds, 1–300. */
  timeout: string | null;
  /** auto, v1, wordpress, jsonfeed, jsonld, ans, ghost, applenews. */
  format: string | null;
  /** The id of the JSON Feed item to show. */
  item: string | null;
  /** UI language: en, es, fr, pt, de, ar. */
  uiLang: string | null;
  /** Comma list of reader controls: settings, listen; empty for none. */
  controls: string | null;
  /** "lazy": fetch only when the element comes near the viewport. */
  loading: string | null;
  /** A document as an object, shown instead of src and the inline child; null returns to them. */
  article: object | null;
  addEventListener<K extends keyof ArticleReaderEventMap>(
    type: K,
    listener: (this: ArticleReaderElement, event: ArticleReaderEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** The element's events; both bubble and cross shadow roots (composed). */
export interface ArticleReaderEventMap extends HTMLElementEventMap {
  'article-reader:load': CustomEvent<ArticleReaderLoadDetail>;
  'article-reader:error': CustomEvent<ArticleReaderErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-reader': ArticleReaderElement;
  }
  interface HTMLElementEventMap {
    'article-reader:load': CustomEvent<ArticleReaderLoadDetail>;
    'article-reader:error': CustomEvent<ArticleReaderErrorDetail>;
  }
}

// Lighthouse for `make bench`: the mobile preset (Lighthouse's default: a mid-range phone, simulated
// slow 4G and 4× CPU slowdown), on pages the benchmark's server sends gzip'd. Lives beside its own
// package.json so that Lighthouse resolves from here and only `make bench` installs it.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { median } from '../stats.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

/** One Lighthouse run of `url`: the metrics, the four category scores, the LCP element and the
 * audits that kept a category below 1 (so a score under 1 says why). */
async function audit(chromePath, url) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue]));
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score]));
    const failing = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push({ id: `${c}: ${ref.id}`, value: a.displayValue || String(a.score) });
      }
    }
    const lcpItems = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items;
    const lcpElement = lcpItems?.[0]?.node?.nodeLabel || lcpItems?.[0]?.node?.selector || '';
    return { metrics, scores, failing, lcpElement };
  } finally {
    await chrome.kill();
  }
}

/** `runs` audits of each page in `pages` ({name: url}), interleaved; medians of the metrics, the
 * lowest score of each category, and the reasons seen. */
export async function lighthouseRuns(chromePath, pages, runs) {
  const seen = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(pages)) seen[name].push(await audit(chromePath, url));
  }
  return Object.fromEntries(Object.entries(seen).map(([name, list]) => [name, {
    url: pages[name],
    runs: list.length,
    metrics: Object.fromEntries(Object.keys(METRICS).map((k) => [k, median(list.map((r) => r.metrics[k]))])),
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.min(...list.map((r) => r.scores[c]))])),
    // Each audit once, with the values it had in the runs where it was below 1.
    failing: [...list.flatMap((r) => r.failing).reduce((m, f) => m.set(f.id, [...(m.get(f.id) || []), f.value]), new Map())]
      .map(([id, values]) => `${id} (${values.join(', ')})`),
    lcpElement: list[0].lcpElement,
  }]));
}

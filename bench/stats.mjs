// The benchmark's summaries of repeated runs (run.mjs and lighthouse/lighthouse.mjs).

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median, least and greatest of `xs`. */
export const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/**
 * The interface's fonts, for text drawn on a canvas (the view's labels, exported plots): the
 * system's own, then a font with Simplified Chinese that each system ships — macOS (PingFang SC,
 * Hiragino Sans GB), Windows (Microsoft YaHei), Android and Linux (Noto Sans CJK SC, Source Han
 * Sans SC, WenQuanYi Micro Hei) — so that Chinese shows without downloading a font. app.css
 * lists the same fonts for the page (a test keeps the two alike).
 */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", ' +
  '"Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

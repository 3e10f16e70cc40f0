// Inline each page's critical CSS and load the stylesheets without blocking the first paint.
//
// Usage: node critical-css.mjs NODE_MODULES SITE_DIR PAGE.html...  (socialbrain/book/critical_css.py runs it)
//
// Beasties (npm, pinned in package.json) keeps the rules of every linked stylesheet that match an
// element of the page, puts them in one <style> in the head, and turns each <link> into a
// print-media one (media="print") with a <noscript> fallback; a script switches them on.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const [modules, site, ...pages] = process.argv.slice(2);
const Beasties = createRequire(path.join(path.resolve(modules), "_"))("beasties");
const root = path.resolve(site);

/** Beasties' attribute on a deferred <link>: the media it gets once switched on. */
const DEFERRED = "data-beasties-media";

/**
 * The deferred stylesheets are switched on together, once every one has arrived (or failed).
 * Switched on one by one as they arrived (Beasties' own script, or the onload trick), each in
 * turn overrode the inlined rules of those still on their way: on a slow phone chapter 3's
 * first box jumped 117 px down and back while pydata-sphinx-theme.css waited for the book theme's.
 */
function switchOnTogether(count) {
  return `{let left=${count};const on=e=>{if(e.target.hasAttribute&&e.target.hasAttribute("${DEFERRED}")&&!--left)` +
    `document.querySelectorAll("link[${DEFERRED}]").forEach(l=>{l.media=l.getAttribute("${DEFERRED}");` +
    `l.removeAttribute("${DEFERRED}")})};document.addEventListener("load",on,true);document.addEventListener("error",on,true)}`;
}

/** Beasties for one page: its hrefs are relative to the page (chapters link "../_static/..."), and our switch. */
class PageBeasties extends Beasties {
  constructor(page, options) {
    super(options);
    this.folder = path.dirname(page);
  }

  /** Beasties' hook for the "media-script" switch: ours waits for all, and listens before the first link. */
  injectDeferredMediaScript(document) {
    const links = document.querySelectorAll(`link[${DEFERRED}]`);
    if (!links.length) return;
    const script = document.createElement("script");
    script.textContent = switchOnTogether(links.length);
    links[0].parentNode.insertBefore(script, links[0]);
  }

  async getCssAsset(href) {
    const file = path.resolve(this.folder, href.split(/[?#]/)[0]);
    if (!file.startsWith(root + path.sep)) return undefined;
    return readFile(file, "utf-8").catch(() => {
      throw new Error(`${href} is linked but missing from the site (${file})`);
    });
  }
}

const OPTIONS = {
  preload: "media-script",
  // Small stylesheets go in whole: scripts add elements they style (copy buttons, self-check
  // feedback) that are not in the HTML, and a whole small file costs less than its request.
  inlineThreshold: 5000,
  noscriptFallback: true,
  // The icon font's @font-face comes with the rules that use it; the font itself loads when an
  // icon is drawn, instead of competing with the text for the connection before the first paint.
  inlineFonts: true,
  preloadFonts: false,
  // Only the script in the head sets the colour theme (data-theme, data-mode on <html>), so no
  // element in the HTML carries it yet: keep the rules of both themes (their colour variables).
  // Likewise the copy buttons, which a script adds to each code cell: styled only by copybutton.css
  // until the theme's stylesheet arrives, each started nine border and colour transitions then
  // (a hundred on a practice page, one long task on a phone). And the rule that lays out the
  // sections before a link's target (#id) at once, which sb-sections.js also applies by class.
  allowRules: [/\[data-(theme|mode)\b/, /\.copybtn\b/, /\.sb-laid-out\b/],
  reduceInlineStyles: false,
  logLevel: "error",  // it warns of theme selectors it cannot match statically: those rules load later
};

for (const page of pages) {
  const file = path.resolve(root, page);
  const html = await readFile(file, "utf-8");
  const processed = await new PageBeasties(file, OPTIONS).process(html);
  // Beasties marks the root it matched selectors against; the page has no use for the mark.
  await writeFile(file, processed.replace(/(<html\b[^>]*?) data-beasties-container(?:="")?/, "$1"));
}

// Inline each page's critical CSS and load the stylesheets without blocking the first paint.
//
// Usage: node critical-css.mjs NODE_MODULES SITE_DIR PAGE.html...  (socialbrain/book/critical_css.py runs it)
//
// Beasties (npm, pinned in package.json) keeps the rules of every linked stylesheet that match an
// element of the page, puts them in one <style> in the head, and turns each <link> into the
// print-media trick (media="print", onload switches it to "all") with a <noscript> fallback.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const [modules, site, ...pages] = process.argv.slice(2);
const Beasties = createRequire(path.join(path.resolve(modules), "_"))("beasties");
const root = path.resolve(site);

/** Stylesheet hrefs are relative to the page (chapters link "../_static/..."), Beasties' to one folder. */
class PageBeasties extends Beasties {
  constructor(page, options) {
    super(options);
    this.folder = path.dirname(page);
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
  preload: "media",
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

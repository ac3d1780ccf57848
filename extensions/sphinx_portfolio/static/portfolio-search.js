/* sphinx-portfolio: the search page names a card, badge or paper it found.
   Sphinx inlines this file (html_search_scorer) on the search page only, and calls
   Scorer.score on every result before sorting and removing duplicates. Scores stay
   Sphinx's own; only our results are relabelled:
   - a hit on one of our hidden index entries takes the name of the object at that
     anchor ("Sr. Machine Learning Engineer, Pinterest") instead of the page title;
   - a hit on one of our objects loses its "(experience card, in Experience)" note,
     so it shows an excerpt of the card and merges with the entry hit;
   - where Sphinx gives two hits the same score (it then sorts them by title), a
     card, or a paper's own page (its folder is in <meta name="portfolio-paper-pages">),
     comes before a page that merely lists it: half a point, less than any score
     step of Sphinx's, so it only breaks ties.
   It also trims each hit's page before Sphinx parses it for the excerpt (below). */
var Scorer = Object.assign(
  typeof Scorer === "object" ? Scorer : {
    objNameMatch: 11, objPartialMatch: 6, objPrio: { 0: 15, 1: 5, 2: -5 },
    objPrioDefault: 0, title: 15, partialTitle: 7, term: 5, partialTerm: 2,
  },
  {
    score: (result) => {
      const name = portfolioNames().get(result[0] + result[2]);
      if (name !== undefined && (result[6] === "index" || result[6] === "object")) {
        result[1] = name;
        result[3] = null;
        return result[4] + 0.5;
      }
      const papers = portfolioPaperPages();
      return papers && result[0].startsWith(papers) ? result[4] + 0.5 : result[4];
    },
  },
);

var portfolioNames = (() => {
  // Our objects' names, HTML-escaped in the index, decoded only for the hits shown
  // (a few dozen), not for every card and paper of the site on each search.
  let names = null;
  const decoded = new Map();
  const decode = (html) =>
    new DOMParser().parseFromString(html, "text/html").documentElement.textContent;
  const lookup = {
    get: (key) => {
      const html = names.get(key);
      if (html === undefined) return undefined;
      if (!decoded.has(key)) decoded.set(key, html.includes("&") ? decode(html) : html);
      return decoded.get(key);
    },
  };
  return () => {
    if (names !== null) return lookup;
    names = new Map();
    const index = Search._index;
    const ours = new Set(
      Object.entries(index.objtypes || {})
        .filter(([, type]) => type.startsWith("portfolio:"))
        .map(([number]) => Number(number)),
    );
    for (const [prefix, entries] of Object.entries(index.objects || {})) {
      for (const [file, type, , anchor, name] of entries) {
        if (!ours.has(type) || anchor === "" || anchor === "-") continue;
        const key = index.docnames[file] + "#" + anchor;
        if (!names.has(key)) names.set(key, (prefix ? prefix + "." : "") + name);
      }
    }
    return lookup;
  };
})();

var portfolioPaperPages = () =>
  document.querySelector('meta[name="portfolio-paper-pages"]')?.content || "";

/* For each hit's excerpt, Sphinx fetches the hit's page and parses all of it. Before
   it does, cut out as text what it would throw away or should not quote: scripts
   (which it removes anyway: here, our JSON-LD) and the elements of class
   portfolio-unindexed (BibTeX blocks, a card's repeated summary row, arrow glyphs),
   so the browser never builds those nodes; and the data-, aria- and title
   attributes, which no excerpt shows (docutils writes a quote in text as &quot;,
   so the pattern meets attributes only). A page listing 1000 papers with their
   BibTeX is ~2.5 MB of HTML: parsing all of it took ~180 ms a hit, ~16 ms trimmed.
   An element with an id (a link target) is kept. And only the part Sphinx quotes
   is handed over: the element of the hit's anchor, or the page's main content. */
var portfolioTrimPage = (() => {
  const skipped =
    /<script\b[^>]*>[\s\S]*?<\/script\s*>|<(\w+)\b[^>]*\sclass="[^"]*\bportfolio-unindexed\b[^"]*"[^>]*>/gi;
  const attributes = /\s(?:data-[\w-]+|aria-[\w-]+|title)="[^"]*"/g;
  const endOf = (html, tag, from) => {
    const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
    tags.lastIndex = from;
    for (let depth = 1, match; (match = tags.exec(html)) !== null; ) {
      depth += match[1] ? -1 : 1;
      if (depth === 0) return tags.lastIndex;
    }
    return null;
  };
  // Sphinx reads the text of `[role="main"] <anchor>`, or of `[role="main"]`: that
  // element alone (in a role="main" wrapper for an anchor), not the page around it.
  const partOf = (html, anchor) => {
    const at = anchor ? html.indexOf(` id="${anchor.slice(1)}"`) : html.search(/\srole="main"/);
    const start = at < 0 ? -1 : html.lastIndexOf("<", at);
    const tag = start < 0 ? null : /^<(\w+)/.exec(html.slice(start, start + 32));
    const end = tag && endOf(html, tag[1], html.indexOf(">", at) + 1);
    if (!end) return html;
    const part = html.slice(start, end);
    return anchor ? `<div role="main">${part}</div>` : part;
  };
  return (page, anchor) => {
    const html = partOf(page, anchor);
    let kept = "";
    let from = 0;
    skipped.lastIndex = 0;
    for (let match; (match = skipped.exec(html)) !== null; ) {
      const tag = match[1];
      const end = tag ? endOf(html, tag, skipped.lastIndex) : skipped.lastIndex;
      if (end === null || (tag && /\sid="/.test(match[0]))) continue;
      kept += html.slice(from, match.index);
      from = skipped.lastIndex = end;
    }
    return (kept + html.slice(from)).replace(attributes, "");
  };
})();

if (typeof Search === "object" && typeof Search.htmlToText === "function") {
  const htmlToText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => htmlToText(portfolioTrimPage(html, anchor), anchor);
}

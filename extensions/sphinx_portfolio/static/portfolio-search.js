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
   It also trims each hit's page before Sphinx parses it for the excerpt, writes the
   excerpt (block elements apart, whole words) and keeps one result per place (below). */
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
  // A glossary term (a <dt>) is quoted with its definitions (the <dd>s after it).
  const partOf = (html, anchor) => {
    const at = anchor ? html.indexOf(` id="${anchor.slice(1)}"`) : html.search(/\srole="main"/);
    const start = at < 0 ? -1 : html.lastIndexOf("<", at);
    const tag = start < 0 ? null : /^<(\w+)/.exec(html.slice(start, start + 32));
    let end = tag && endOf(html, tag[1], html.indexOf(">", at) + 1);
    if (!end) return html;
    const term = tag[1].toLowerCase() === "dt";
    for (let dd; term && (dd = /^\s*<dd\b[^>]*>/i.exec(html.slice(end, end + 200))); ) {
      const next = endOf(html, "dd", end + dd[0].length);
      if (next === null) break;
      end = next;
    }
    const part = html.slice(start, end);
    if (!anchor) return part;
    return term ? `<div role="main"><dl>${part}</dl></div>` : `<div role="main">${part}</div>`;
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

/* The text an excerpt quotes: the anchor's element (a term with its definitions), or
   the main content, with block elements apart ("CPC Cost per click", not
   "CPCCost per click": textContent joins a <dt> and its <dd>, list items, cells). */
var portfolioText = (() => {
  const blocks =
    "address,article,aside,blockquote,br,caption,dd,div,dl,dt,figcaption,figure,footer," +
    "h1,h2,h3,h4,h5,h6,header,hr,li,nav,ol,p,pre,section,table,td,th,tr,ul";
  return (html, anchor) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    // What no eye sees on the page is not quoted either: a card heading's hidden
    // organisation (for screen readers) would read "Engineer, Pinterest Pinterest".
    page
      .querySelectorAll(".headerlink, script, style, .portfolio-visually-hidden")
      .forEach((el) => el.remove());
    const main = page.querySelector('[role="main"]');
    if (!main) return "";
    let part = main;
    if (anchor) {
      const id = decodeURIComponent(anchor.slice(1));
      const found = [...main.querySelectorAll("[id]")].find((el) => el.id === id);
      if (found) part = found.tagName === "DT" ? found.parentElement : found;
    }
    part.querySelectorAll(blocks).forEach((el) => {
      el.prepend(" ");
      el.append(" ");
    });
    return part.textContent.replace(/\s+/g, " ").trim();
  };
})();

/* An excerpt of at most 240 characters around the last search word found (as
   Sphinx's), that starts and ends at a word, never inside one ("...rge embedding"). */
var portfolioSummary = (text, keywords) => {
  const lower = text.toLowerCase();
  const at =
    [...keywords]
      .map((k) => lower.indexOf(k.toLowerCase()))
      .filter((i) => i > -1)
      .slice(-1)[0] ?? 0;
  let start = Math.max(at - 120, 0);
  if (start > 0 && /\S/.test(text[start - 1])) {
    const space = text.slice(start, at).search(/\s/);
    start = space < 0 ? text.lastIndexOf(" ", at) + 1 : start + space + 1;
  }
  while (start < at && /[\s·•|,;:.!?–—-]/.test(text[start])) start += 1; // not "...· Ph.D."
  let end = Math.min(start + 240, text.length);
  if (end < text.length && /\S/.test(text[end])) {
    const space = text.lastIndexOf(" ", end);
    if (space > at) end = space;
  }
  const quoted = text.slice(start, end).trim();
  return { at, quoted: (start > 0 ? "..." : "") + quoted + (end < text.length ? "..." : "") };
};

/* One result per place. A page's own hit (no anchor, not a paper's page) is removed
   when a hit on a card or glossary term of that page, or on the page of a paper it
   lists, quotes the same passage: the words from the search word on in the page's
   excerpt (6 of its first 8) are in that hit's text. It waits for both excerpts
   (they arrive in any order), and the count of results follows. */
var portfolioOnePerPlace = (() => {
  const notes = new WeakMap(); // excerpt element -> {text, words, listedOn}
  let removed = 0;
  const root = () => new URL(document.documentElement.dataset.content_root || "./", location);
  const path = (href, base) => new URL(href, base || root()).pathname;
  const wordsOf = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  const isPaperPage = (href) => !!portfolioPaperPages() && href.startsWith(portfolioPaperPages());
  const hrefOf = (li) => li.querySelector("a")?.getAttribute("href") || "";
  const recount = () => {
    const status = Search.status;
    if (!removed || !status || !/\d/.test(status.innerText)) return;
    const count = Search.output.children.length;
    const text =
      typeof Documentation === "object" && Documentation.ngettext
        ? Documentation.ngettext(
            "Search finished, found one page matching the search query.",
            "Search finished, found ${resultCount} pages matching the search query.",
            count,
          ).replace("${resultCount}", count)
        : status.innerText.replace(/\d+/, String(count));
    if (text !== status.innerText) status.innerText = text; // (this observes itself)
  };
  // The page a hit belongs to: a card's or term's own page; a paper's list page.
  const placeOf = (li, note) => {
    const href = hrefOf(li);
    if (!isPaperPage(href)) return path(href.split("#")[0]);
    return note.listedOn ? path(note.listedOn, new URL(href, root())) : null;
  };
  const prune = () => {
    const seen = [...Search.output.children]
      .map((li) => [li, notes.get(li.querySelector(".context"))])
      .filter(([, note]) => note);
    for (const [li, note] of seen) {
      const href = hrefOf(li);
      if (href.includes("#") || isPaperPage(href)) continue;
      const page = path(href);
      const core = note.words.slice(0, 8);
      const same = seen.some(([other, them]) => {
        const where = hrefOf(other);
        if (other === li || !(where.includes("#") || isPaperPage(where))) return false;
        if (placeOf(other, them) !== page) return false;
        const words = new Set(wordsOf(them.text));
        return core.filter((word) => words.has(word)).length >= Math.min(6, core.length);
      });
      if (same) {
        li.remove();
        removed += 1;
      }
    }
    recount();
  };
  return {
    note: (summary, text, at, html) => {
      const listedOn = /class="portfolio-paper-backlink"[^>]*>[^<]*<a\b[^>]*\shref="([^"#]*)/.exec(html);
      notes.set(summary, { text, words: wordsOf(text.slice(at)), listedOn: listedOn?.[1] });
      queueMicrotask(prune); // after Sphinx appends the excerpt to its hit
    },
    reset: () => {
      removed = 0;
    },
    recount,
  };
})();

if (typeof Search === "object" && typeof Search.htmlToText === "function") {
  Search.htmlToText = (html, anchor) => portfolioText(portfolioTrimPage(html, anchor), anchor);
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (text === "") return null;
    const { at, quoted } = portfolioSummary(text, keywords);
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = quoted;
    portfolioOnePerPlace.note(summary, text, at, htmlText);
    return summary;
  };
  if (typeof Search.query === "function") {
    const query = Search.query;
    Search.query = (...args) => {
      portfolioOnePerPlace.reset();
      return query(...args);
    };
  }
  if (typeof MutationObserver === "function") {
    // Sphinx writes the count when the list is done, maybe after an excerpt came.
    document.addEventListener("DOMContentLoaded", () => {
      const status = document.querySelector("#search-results .search-summary");
      if (status) new MutationObserver(portfolioOnePerPlace.recount).observe(status, { childList: true });
    });
  }
}

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
     step of Sphinx's, so it only breaks ties. */
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
  let names = null;
  const decode = (html) =>
    new DOMParser().parseFromString(html, "text/html").documentElement.textContent;
  return () => {
    if (names !== null) return names;
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
        if (!names.has(key)) names.set(key, decode((prefix ? prefix + "." : "") + name));
      }
    }
    return names;
  };
})();

var portfolioPaperPages = () =>
  document.querySelector('meta[name="portfolio-paper-pages"]')?.content || "";

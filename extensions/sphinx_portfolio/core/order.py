"""When each part runs: every transform and event-handler priority, in one table.

Lower runs first. The fixed points they are placed around are other packages':

- docutils' ``Substitutions`` transform runs at 220;
- Sphinx's ``ExtraTranslatableNodes`` (10) and ``Locale`` (20) transforms translate
  a page by its catalog;
- Sphinx's ``ReferencesResolver`` post-transform turns pending references into
  links at 10;
- a handler connected without a priority runs at 500, and sphinxcontrib-bibtex
  reads the .bib files at ``builder-inited`` with that default.
"""

# -- transforms, while a page is read ------------------------------------------
#: A literal block marked translatable (10) takes its message verbatim before Locale
#: (20) would parse it as markup.
TRANSLATE_LITERALS = 15
#: A translated card's summary row repeats its translated badges: after Locale (20),
#: before the badges are recorded (400).
TRANSLATED_SUMMARIES = 30
#: Tagged bullets outside cards get their tags (cards tag their own while parsing).
BULLET_TAGS = 200
#: Badges find their card and bullet, after substitutions (220) put every badge in place.
RECORD_BADGES = 400

# -- post-transforms, while a page is written -----------------------------------
#: Made as pending references, so before the ReferencesResolver (10) resolves them:
#: a glossary term's first badge, a paper title's link to its page, a paper page's
#: "Listed on" backlink.
BEFORE_REFERENCES = 5
#: LaTeX: leave out what ``portfolio_cv`` omits, once references are links (10).
SELECT_CV_PARTS = 150
#: LaTeX: the CV's layout (one header, pages as parts), on what the selection kept.
CV_LAYOUT = 200
#: LaTeX: the papers' compact list, once the layout has placed the pages.
CV_PAPERS = 210
#: HTML: the last look, after everything else has placed its nodes: paper title
#: lines as headings, eyebrows out of search indexes.
LAST = 900

# -- event handlers --------------------------------------------------------------
#: html-page-context: the JSON-LD of a page's figures comes first in its <head>,
#: before the tags every other handler (ours and other extensions', at 500) adds.
HEAD_FIRST = 490
#: html-page-context: the links between a site's languages, after sphinxext-opengraph
#: (500) wrote its tags, so og:locale follows them.
LANGUAGE_LINKS = 600
#: build-finished: the sitemap's language alternates, once sphinx-sitemap (500) wrote it.
SITEMAP_ALTERNATES = 600
#: builder-inited: before sphinxcontrib-bibtex reads the .bib files (500): drop a
#: file in the wrong encoding, start catching pybtex's errors.
BEFORE_BIB_READ = 400
#: builder-inited: after it has read them: report the errors, set the site style,
#: write the paper pages.
AFTER_BIB_READ = 600
#: env-updated and doctree-resolved: the tailored selection (``-t``) before the
#: collectors (impact summary, impact index: 500) digest and fill in what it keeps.
SELECTION = 400
#: html-page-context: the preview picture, after sphinxext-opengraph's tags (500),
#: so a page whose site chose its own og:image keeps it.
AFTER_OPENGRAPH = 600

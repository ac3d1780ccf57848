"""Words for the generated reference tables of the guide.

The rows themselves (which options, which config values, which directives and
roles) come from the extension's registrations; only the sentence that explains
each row is written here. A row with no sentence, or a sentence with no row,
is a warning when the guide is built, so this file cannot fall behind the code.
"""

OPTION_WORDS = {
    "experience-card": {
        "org": "the organisation; required",
        "period": "when, as written (``2020–2024``)",
        "location": "where, as written",
        "kind": "``job``, ``internship``, ``research``, ``education`` or your own word; "
        "``education`` makes the card a degree in ``resume.json``",
        "url": "the organisation's page; http(s) only",
        "tags": "comma-separated tags for tailored builds (``-t ads``)",
        "name": "the reference target; by default a slug of organisation and role",
    },
    "metric-badge": {
        "better": "``higher`` or ``lower``: overrides the polarity read from the label",
        "name": "a name to cite the badge with ``{portfolio:metric}``",
        "text": "words to show instead of the metric as written",
        "method": "how the figure was measured (``A/B test``)",
        "window": "over what period (``28 days``)",
        "baseline": "what it is compared with",
        "as-of": "when it was true: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``",
        "evidence": "a bib key, a page, a ``{ref}`` label, a card or metric name, or an "
        "http(s) URL; checked once every page is read",
    },
    "publications": {
        "style": "a pybtex style derived from ``portfolio``",
        "types": "the entry types to list, space-separated (``article inproceedings``)",
        "max-authors": "longer author lists collapse; 0 shows every author "
        "(default: ``portfolio_max_authors``)",
        "selected": "list only the papers marked ``selected={true}`` (a home page's "
        "selection); citations keep linking to the full list",
        "legend": "what the authors' marks (``*``, ``∗``, ``†``, ``#``) mean, "
        "printed under the list",
        "filters": "year, type and keyword filters above the list: no reload, the choice "
        "kept in the URL, every paper shown without JavaScript",
    },
}

CONFIG_WORDS = {
    "portfolio_languages": "the site's languages as Sphinx codes, the default first "
    "(``['en', 'pt_BR']``): every HTML page links the same page in the others "
    "(``hreflang``, ``og:locale``, a language switch, the sitemap); see Translations",
    "portfolio_metric_polarity": "label words and whether higher or lower is better, "
    "added to the built-in table (``{'p95': 'lower'}``)",
    "portfolio_profiles": "JSON Resume profiles (``network``, ``username``, ``url``), "
    "shown in ``resume.json`` and the PDF CV's header",
    "portfolio_owner": "regular expressions for the owner's name, highlighted in every author "
    "list; without it, ``portfolio_person``'s ``name`` in any order or with initials",
    "portfolio_bib_files": "the folder, relative to the source folder, where a link field "
    "holding a file name (``pdf={paper.pdf}``) is looked up (al-folio's ``assets/pdf``)",
    "portfolio_bib_previews": "the folder of ``preview`` thumbnails "
    "(al-folio's ``assets/img/publication_preview``)",
    "portfolio_max_authors": "author lists longer than this collapse their middle "
    "(the owner stays visible); 0 shows all",
    "portfolio_venue_badges": "extra venue badges: a regular expression on the venue "
    "text mapped to a short label, tried before the built-in ones",
    "portfolio_orcid": "the owner's ORCID iD; the ``{orcid}`` role links to it when set",
    "portfolio_paper_pages": "the folder of the generated page per paper; ``None`` "
    "turns the pages off",
    "portfolio_search_entries": "``False`` keeps cards, badges and papers out of "
    "Sphinx's search index",
    "portfolio_person": "the schema.org ``Person`` on the home page: ``name``, "
    "``jobTitle``, ``worksFor``, ``alumniOf``; its ``name`` also titles the site when "
    "``html_title`` is not set",
    "portfolio_same_as": "profile URLs for the ``Person``'s ``sameAs``",
    "portfolio_robots_txt": "``False`` writes no ``robots.txt``",
    "portfolio_social_images": "each page's preview picture (``og:image``, 1200×630): "
    "``None`` draws them when Pillow is installed, ``True`` also warns when it is not, "
    "``False`` draws none",
    "portfolio_contact": "the ``basics`` a page cannot say as data in ``resume.json``: "
    "``url``, ``email``, ``phone``, ``location``",
    "portfolio_cv": "what the PDF CV includes: ``exclude`` (docname patterns), ``omit`` "
    "(web-only parts) and ``papers`` (``compact`` or ``full``)",
}

MARKUP_WORDS = {
    "directive experience-card": "one role as an article with its badges",
    "directive metric-badge": "a block badge, with options and facts",
    "role metric-badge": "an inline badge",
    "directive impact-summary": "every badge of the site, grouped by card",
    "role tagged": "tags a bullet point for tailored builds",
    "role portfolio-export": "links to an export such as ``resume.json``",
    "directive publications": "the publication list from the ``.bib`` files",
    "directive paper": "the page of one paper (in generated sources)",
    "role orcid": "links to ``portfolio_orcid`` when it is set",
    "role portfolio:card": "cites a card by name",
    "role portfolio:metric": "cites a named badge, or a label's group in the impact index",
    "role portfolio:paper": "shows a paper's title, linked to its entry",
}

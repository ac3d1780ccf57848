"""Outputs: what a build gives besides its pages, and how others find them.

``resume`` (``resume.json`` in the JSON Resume schema) with ``profiles`` (the
owner's contact and profiles) and ``export_link`` (the ``portfolio-export`` role);
the PDF CV: ``cv`` (what it includes, ``portfolio_cv``) and ``latex`` (its look);
``search`` (Sphinx's search entries and scorer), ``seo`` (JSON-LD, robots.txt)
and ``indexing`` (what hosted search leaves out). They import ``core/`` and the
names ``cards`` and ``papers`` export.
"""

"""``sphinx-portfolio new``: a site from a resume a person already has.

A command line tool that never runs inside Sphinx: it imports neither Sphinx nor
docutils, only the pure modules of ``core/`` (tests/test_architecture.py checks).
``cli`` (the command), ``resume_input`` (reading and checking a JSON Resume),
``scaffold`` (the list of files) and its writers: ``text`` (MyST escaping, the
:class:`~sphinx_portfolio.new.text.Site` being filled), ``home``, ``cards``,
``figures`` (figures in highlights as badge roles), ``bib``, ``files`` (conf.py,
.readthedocs.yaml, requirements.txt).
"""

"""The core: what two or more folders need, and the wiring they all stand on.

Pure (no Sphinx, no docutils; ``new/`` may import only these): ``text`` (checks
and names of what authors write), ``metrics`` (a figure read into a Metric),
``jsonresume`` (the JSON Resume vocabulary), ``bibtex`` (BibTeX fields as text,
with pybtex), ``version`` (the version and the code digest caches use).

Sphinx side: ``base`` (warnings, node registration, tree helpers), ``directive``
(the base directive), ``config`` (every config value), ``order`` (every priority),
``words`` (generated words in the reader's language), ``domain`` and ``entries``
(the ``portfolio`` domain and what it stores), ``head`` (what goes in a page's
``<head>``), ``compat`` (private APIs of Sphinx and sphinxcontrib-bibtex),
``assets`` (stylesheet and scripts).

Nothing here imports ``cards/``, ``papers/``, ``outputs/`` or ``new/``.
"""

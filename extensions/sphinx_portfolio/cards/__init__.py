"""Cards: experience cards, metric badges and everything built from them.

One module a concept, each with its nodes, its directive or role, and every
writer's visitors: ``badges`` (``metric-badge``), ``experience``
(``experience-card``), ``impact`` (``impact-summary``), ``impact_index`` (the
impact index page), ``evidence`` (what backs a figure), ``glossary`` (a badge's
first use links its term), ``tailor`` (tailored builds, ``-t``). They import
``core/`` only.

Other folders use the names exported here, never the modules themselves.
"""

from .badges import metric_badge
from .experience import experience_card, experience_title
from .impact import impact_summary
from .tailor import remove_unselected

__all__ = [
    "experience_card",
    "experience_title",
    "impact_summary",
    "metric_badge",
    "remove_unselected",
]

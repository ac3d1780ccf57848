"""What readers type, and the card, paper or page that answers each query.

Shared by the tests of both searches a visitor meets: Sphinx's own search page
(tests/browser/test_search.py) and Read the Docs' server-side search
(tests/test_readthedocs_search.py). An answer is matched as a substring of a
result's link: a page, a page and anchor, or a paper's key (its anchor on the
papers page and the name of its own page).
"""

from __future__ import annotations

SR_MLE = "experience.html#pinterest-sr-machine-learning-engineer"
LABS_INTERN = "experience.html#pinterest-pinterest-labs-research-intern"
TETRICUS = "experience.html#tetricus-labs-machine-learning-intern"
PETROBRAS = "experience.html#petrobras-software-engineer"
ARIZONA = "education.html#university-of-arizona-ph-d-in-computer-science-machine-learning"
UFPE = (
    "education.html#universidade-federal-de-pernambuco-b-s-m-s-in-computer-science-machine-learning"
)

# (query, hits that answer it)
QUERIES = [
    # companies
    ("Pinterest", [SR_MLE, LABS_INTERN]),
    ("Petrobras", [PETROBRAS]),
    ("Tetricus", [TETRICUS]),
    ("University of Arizona", [ARIZONA]),
    ("Pernambuco", [UFPE]),
    # roles and degrees
    ("machine learning engineer", [SR_MLE]),
    ("research intern", [LABS_INTERN]),
    ("software engineer", [PETROBRAS]),
    ("Ph.D.", [ARIZONA]),
    ("intern", [TETRICUS, LABS_INTERN]),
    # metric labels
    ("CTR", [SR_MLE]),
    ("CPC", [SR_MLE]),
    ("engagement", [SR_MLE]),
    ("session success", [SR_MLE]),
    ("infra savings", [SR_MLE]),
    ("operational efficiency", [PETROBRAS]),
    ("annual savings", [PETROBRAS]),
    ("latency", [SR_MLE]),
    # techniques
    ("distillation", [LABS_INTERN]),
    ("embeddings", [SR_MLE]),
    ("domain adaptation", [LABS_INTERN]),
    ("cross-domain", [SR_MLE]),
    ("LLM", [TETRICUS]),
    ("synthetic", [TETRICUS]),
    ("ablation", [SR_MLE]),
    ("data pipelines", [LABS_INTERN]),
    ("drilling", [PETROBRAS]),
    # papers: a title word, a venue, a co-author
    ("ToMCAT", ["pyarelal2023tomcat"]),
    ("interpersonal coordination", ["soares2024probabilistic"]),
    ("link prediction", ["soares2012timeseries", "soares2013proximity"]),
    ("false beliefs", ["soares2021teams", "soares2024thesis"]),  # both titles say it
    ("Pyarelal", ["pyarelal2023tomcat", "soares2024probabilistic", "soares2021teams"]),
    ("Barnard", ["soares2024probabilistic", "soares2021teams", "pyarelal2023tomcat"]),
    ("RecSys", ["liu2025decoupled"]),
    # what is only on a page
    ("mentoring", ["skills.html"]),
]

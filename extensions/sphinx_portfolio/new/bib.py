"""The .bib file of a new site: the resume's publications as BibTeX entries that
pybtex reads back as given (a thesis of ``x-theses`` as its thesis type).

A paper whose text BibTeX cannot hold so that it reads back (braces, or LaTeX
such as ``--``) is left out by name, never written changed.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.text import ISO_DATE, is_safe_url
from .text import Site, text, unique_name


def papers_bib(resume: dict, site: Site) -> str:
    """A .bib file of the resume's publications, written so they read back as given."""
    theses = thesis_schools(resume)
    keys: set[str] = set()
    entries = []
    for index, paper in enumerate(resume.get("publications") or []):
        entry = bib_entry(f"publications[{index}]", paper, theses, keys, site)
        if entry:
            entries.append(entry)
    return "\n".join(entries)


def thesis_schools(resume: dict) -> dict[str, tuple[str, str]]:
    """Thesis title -> (entry type, school), from ``x-theses`` of education."""
    found = {}
    for item in resume.get("education") or []:
        kind = "mastersthesis" if "master" in text(item.get("studyType")).lower() else "phdthesis"
        for thesis in item.get("x-theses") or []:
            if isinstance(thesis, dict) and text(thesis.get("title")):
                found[text(thesis["title"])] = (kind, text(item.get("institution")))
    return found


PAPER_KEYS = {"name", "publisher", "releaseDate", "url", "x-authors", "x-doi", "x-arxiv"}
PAPER_KEYS |= {"x-shortvenue", "summary"}


def bib_entry(path: str, paper: dict, theses: dict, keys: set[str], site: Site) -> str:
    title, date = text(paper.get("name")), text(paper.get("releaseDate"))
    if not title or not ISO_DATE.match(date):
        site.leave_out(path, paper, "a paper needs a name and a releaseDate (YYYY[-MM[-DD]])")
        return ""
    authors = [text(a) for a in paper.get("x-authors") or [] if text(a)]
    kind, school = theses.get(title, ("misc", ""))
    if kind != "misc" and not authors:
        kind = "misc"
    fields = {"author": " and ".join(f"{{{bib_text(a)}}}" for a in authors)}
    fields["title"] = bib_text(title)
    fields["school" if kind != "misc" else "publisher"] = bib_text(school or paper.get("publisher"))
    fields["year"] = date[:4]
    fields["date"] = date if len(date) > 4 else ""
    fields.update(link_fields(paper))
    fields["shortvenue"] = bib_text(paper.get("x-shortvenue"))
    fields["note"] = bib_text(paper.get("summary"))  # shown after the venue
    if None in fields.values():
        why = "cannot be written in BibTeX to read back as given (braces, '--', a link "
        why += "with spaces or braces, a URL that is not http(s))"
        site.leave_out(path, paper, why)
        return ""
    for key in sorted(set(paper) - PAPER_KEYS):
        site.leave_out(f"{path}.{key}", paper[key])
    first_word = title.split()[0] if title.split() else ""
    key = unique_name(f"{(authors or ['paper'])[0].split()[-1]} {date[:4]} {first_word}", keys)
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items() if value)
    return f"@{kind}{{{key},\n{body}}}\n"


def link_fields(paper: dict) -> dict[str, str | None]:
    """DOI, URL and arXiv id: verbatim fields, so only characters BibTeX keeps as is."""
    links = {"doi": verbatim(paper.get("x-doi"))}
    url = text(paper.get("url"))
    links["url"] = verbatim(url) if not url or is_safe_url(url) else None
    if paper.get("x-arxiv"):
        links.update(eprint=verbatim(paper["x-arxiv"]), archiveprefix="arXiv")
    return links


def verbatim(value: Any) -> str | None:
    plain = text(value)
    return None if re.search(r"[{}\\\s]", plain) else plain


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}"}
_BIB_ESCAPES.update({c: "\\" + c for c in "&%#_"})


def bib_text(value: Any) -> str | None:
    """A BibTeX field value that reads back as ``value``; None if none can."""
    plain = text(value)
    if not plain:
        return ""
    if "{" in plain or "}" in plain:
        return None
    escaped = "".join(_BIB_ESCAPES.get(char, char) for char in plain)
    from pybtex.exceptions import PybtexError  # pybtex: only when there are papers

    from ..core.bibtex import plain as read_back

    # What pybtex's LaTeX reader raises on unbalanced braces and latexcodec on a lone
    # backslash: neither should pass the escaping above, and neither may stop the command.
    try:
        ok = read_back(escaped) == plain
    except (PybtexError, UnicodeDecodeError):
        ok = False
    return escaped if ok else None

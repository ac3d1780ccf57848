"""``sphinx-portfolio new DIR --from resume.json``: a portfolio site from a JSON Resume.

Reads and checks everything first, then writes: on bad input the command prints
one line naming the file (and the field), exits with status 1 and writes nothing.
The pages themselves come from :mod:`sphinx_portfolio.scaffold`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..core.version import __version__
from .resume_input import ResumeError, check_resume
from .scaffold import scaffold
from .text import Site

PROG = "sphinx-portfolio"
LEFT_OUT = "resume-left-out.json"
DESCRIPTION = """\
Start a documentation-style portfolio (MyST pages for Sphinx) from a JSON Resume.

  new DIR --from resume.json [--bib papers.bib] [--force]

writes DIR/conf.py, DIR/.readthedocs.yaml, DIR/requirements.txt and MyST pages:
index.md (name, label, summary, contact, profiles and an impact summary),
experience.md (a card per work and volunteer entry; each highlight a bullet whose
figures, such as "+2.6% CTR" or "engagement by +4.6%", become metric badges),
education.md, papers.md with papers.bib (from --bib or the resume's publications),
skills.md and interests.md. Then build it:

  sphinx-build -W -n -b html DIR DIR/_build/html

Fields the site does not show, and figures that cannot be read as metrics, are
listed on stderr; the fields are also kept, with their values, in
DIR/resume-left-out.json. Exit status: 0 on success, 1 on bad input (not JSON,
not a JSON Resume, a missing file, an existing DIR without --force).
"""


class InputError(Exception):
    """One line for the user: what is wrong, and in which file (and field)."""


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new",
        help="write a new portfolio site from a JSON Resume",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument("directory", metavar="DIR", type=Path, help="folder to create for the site")
    new.add_argument(
        "--from",
        dest="resume",
        metavar="RESUME",
        type=Path,
        required=True,
        help="a JSON Resume file (https://jsonresume.org/schema), e.g. resume.json",
    )
    new.add_argument(
        "--bib",
        metavar="BIBFILE",
        type=Path,
        help="a BibTeX file for the papers page (replaces the resume's publications)",
    )
    new.add_argument(
        "--force",
        action="store_true",
        help="write into DIR even if it exists, replacing files of the same names",
    )
    new.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    say = (lambda message: None) if args.quiet else progress
    try:
        site = new_site(args, say)
    except InputError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    report(site, args.directory, say)
    return 0


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def new_site(args: argparse.Namespace, say) -> Site:
    target: Path = args.directory
    if target.exists() and not args.force:
        raise InputError(f"{target}: already exists (use --force to write into it)")
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder")
    say(f"reading {args.resume}")
    resume = read_resume(args.resume)
    bib = read_bib(args.bib) if args.bib else None
    say("writing the pages")
    try:
        site = scaffold(resume, bib)
    except ResumeError as error:  # a shape check_resume did not foresee
        raise InputError(f"{args.resume}: {error}") from None
    write(site, target, args.force)
    return site


def read_resume(path: Path) -> dict:
    try:
        data = json.loads(read_text(path, "resume"))
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InputError(f"{path}: not JSON ({where}: {error.msg})") from None
    try:
        check_resume(data)
    except ResumeError as error:
        raise InputError(f"{path}: {error}") from None
    return data


def read_text(path: Path, what: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what} file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a {what} file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start})") from None
    return text


def read_bib(path: Path) -> str:
    """The .bib text, once pybtex has read it and every entry has what the site needs."""
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexError

    from ..core.bibtex import missing_fields

    text = read_text(path, "BibTeX")
    try:
        data = parse_string(text, "bibtex")
    except PybtexError as error:
        raise InputError(f"{path}: not a BibTeX file ({error})") from None
    if not data.entries:
        raise InputError(f"{path}: no BibTeX entries")
    for key, entry in data.entries.items():
        missing = missing_fields(entry)
        if missing:
            raise InputError(f"{path}: entry {key!r} ({entry.type}) has no {missing[0]!r} field")
    return text


def write(site: Site, target: Path, force: bool) -> None:
    """All files or none: a new folder is filled beside the target, then renamed."""
    files = dict(site.files)
    if site.left_out:
        files[LEFT_OUT] = json.dumps(site.left_out, indent=2, ensure_ascii=False) + "\n"
    if force and target.exists():
        for name, text in files.items():
            try:
                (target / name).write_text(text, encoding="utf-8")
            except OSError as error:  # e.g. a folder where the file goes
                raise InputError(f"{target / name}: cannot write it ({error.strerror})") from None
        return
    parent = target.absolute().parent
    if not parent.is_dir():
        raise InputError(f"{target}: its parent folder {parent} does not exist")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=parent))
    except OSError as error:  # a parent we may not write in
        raise InputError(f"{target}: cannot write it ({error.strerror})") from None
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        staging.chmod(0o777 & ~current_umask())  # mkdtemp's folder is private
        os.replace(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"{target}: cannot write it ({error.strerror})") from None


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def report(site: Site, target: Path, say) -> None:
    pages = sorted(name for name in site.files if name.endswith(".md"))
    say(f"wrote {target}: conf.py, .readthedocs.yaml, {', '.join(pages)}")
    if site.notes:
        kept = f"; the fields' values are in {target / LEFT_OUT}" if site.left_out else ""
        say(f"not shown on the site, or shown as plain text ({len(site.notes)}{kept}):")
        for note in site.notes:
            say(f"  {note}")
    say(f"next: sphinx-build -W -n -b html {target} {target / '_build' / 'html'}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

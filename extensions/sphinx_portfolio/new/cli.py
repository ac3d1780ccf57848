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
from .languages import parse_languages
from .resume_input import ResumeError, check_resume, normalize
from .scaffold import scaffold
from .text import MARKDOWN, Layout, Site

PROG = "sphinx-portfolio"
LEFT_OUT = "resume-left-out.json"
DESCRIPTION = """\
Start a documentation-style portfolio (MyST pages for Sphinx) from a resume.

  new DIR --from resume.json [--bib papers.bib] [--with-references] [--languages en,pt_BR] [--force]
  new DIR --from cv.yaml     (a RenderCV file: .yaml or .yml)

Reads: JSON Resume (https://jsonresume.org/schema), 1.x and the older 0.x names
(website, company, picture, gpa); RenderCV 2.x input files (https://rendercv.com),
whose Markdown (**bold**, *italic*, links) becomes MyST.

Writes DIR/conf.py, DIR/.readthedocs.yaml, DIR/requirements.txt and MyST pages:
index.md (name, label, portrait, summary, contact, profiles, an impact summary),
experience.md (a card per work and volunteer entry; each highlight a bullet whose
figures, such as "+2.6% CTR" or "engagement by +4.6%", become metric badges),
projects.md (a card per project: roles, type and keywords as fields), education.md,
papers.md with papers.bib (from --bib or the resume's publications), skills.md,
interests.md, awards.md, certificates.md, languages.md; references.md only with
--with-references (references are private by default). From a RenderCV file, each
section becomes a page named by its key, in the file's order (front matter
`rendercv: KEY` keeps the key for rendercv.yaml), and the authors its papers mark
in bold become portfolio_owner. --languages (the resume's
language first) adds locale/<code>/LC_MESSAGES for each other language, the catalog
settings and portfolio_languages in conf.py, locale/README.txt with the translation
workflow and Read the Docs notes in .readthedocs.yaml. Then build it:

  sphinx-build -W -n -b html DIR DIR/_build/html

The built site writes resume.json (JSON Resume) and rendercv.yaml (RenderCV input)
with every field its pages show. Fields the site does not show, and figures that
cannot be read as metrics, are listed on stderr with their JSON path; the fields are
also kept, with their values, in DIR/resume-left-out.json. Exit status: 0 on
success, 1 on bad input (not JSON or YAML, not a JSON Resume or RenderCV file, a
missing file, an existing DIR without --force): one line naming the file, the field
and, for YAML, the line.
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
        help="write a new portfolio site from a JSON Resume or a RenderCV file",
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
        help="a JSON Resume file (resume.json) or a RenderCV file (cv.yaml)",
    )
    new.add_argument(
        "--bib",
        metavar="BIBFILE",
        type=Path,
        help="a BibTeX file for the papers page (replaces the resume's publications)",
    )
    new.add_argument(
        "--languages",
        metavar="CODES",
        help="the site's languages, the resume's first, e.g. en,pt_BR: "
        "writes the translation scaffold (locale/, conf.py, Read the Docs notes)",
    )
    new.add_argument(
        "--force",
        action="store_true",
        help="write into DIR even if it exists, replacing files of the same names",
    )
    new.add_argument(
        "--with-references",
        action="store_true",
        help="show the resume's references (private by default: left out and listed)",
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
    languages = None
    if args.languages is not None:
        try:
            languages = parse_languages(args.languages)
        except ValueError as error:
            raise InputError(str(error)) from None
    say(f"reading {args.resume}")
    rendercv = args.resume.suffix.lower() in (".yaml", ".yml")
    if rendercv:
        resume, layout, kept = read_rendercv(args.resume)
        renamed: list[str] = []
    else:
        (resume, renamed), layout, kept = read_resume(args.resume), None, {}
    bib = read_bib(args.bib) if args.bib else None
    say("writing the pages")
    token = MARKDOWN.set(rendercv)  # RenderCV's strings are Markdown
    try:
        portrait = read_portrait(resume, args.resume)
        site = scaffold(resume, bib, portrait, args.with_references, layout, languages)
    except ResumeError as error:  # a shape check_resume did not foresee
        raise InputError(f"{args.resume}: {error}") from None
    finally:
        MARKDOWN.reset(token)
    site.notes[:0] = renamed
    for key, value in kept.items():
        site.leave_out(key, value, "RenderCV's own settings; the site does not use them")
    write(site, target, args.force)
    return site


def read_rendercv(path: Path) -> tuple[dict, Layout, dict]:
    """A RenderCV file as JSON Resume, its sections and bold authors, its own settings."""
    from . import rendercv_input

    text = read_text(path, "RenderCV")
    try:
        data, lines = rendercv_input.load(text)
        resume, layout, kept = rendercv_input.to_resume(data, lines)
    except rendercv_input.RenderCVError as error:
        raise InputError(f"{path}: {error}") from None
    except ImportError:
        raise InputError(f"{path}: reading YAML needs PyYAML (pip install pyyaml)") from None
    try:
        check_resume(resume)
    except ResumeError as error:
        raise InputError(f"{path}: {error}") from None
    return resume, layout, kept


def read_resume(path: Path) -> tuple[dict, list[str]]:
    """The resume in JSON Resume 1.x names, and a note per older name read."""
    try:
        data = json.loads(read_text(path, "resume"))
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InputError(f"{path}: not JSON ({where}: {error.msg})") from None
    data, renamed = normalize(data)
    try:
        check_resume(data)
    except ResumeError as error:
        raise InputError(f"{path}: {error}") from None
    return data, renamed


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


def read_portrait(resume: dict, source: Path) -> tuple[str, bytes] | None:
    """basics.image when it names a local image file (relative to the resume):
    its bytes, to copy into the site. A URL is linked, never fetched."""
    image = " ".join(str((resume.get("basics") or {}).get("image") or "").split())
    if not image or ("://" in image and not image.startswith("file://")):
        return None
    path = source.parent / image.removeprefix("file://")
    if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
        return None
    try:
        return f"portrait{path.suffix.lower()}", path.read_bytes()
    except OSError:
        return None  # the home page lists it as not found


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
                write_file(target / name, text)
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
            write_file(staging / name, text)
        staging.chmod(0o777 & ~current_umask())  # mkdtemp's folder is private
        os.replace(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"{target}: cannot write it ({error.strerror})") from None


def write_file(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)  # locale/<code>/LC_MESSAGES, images
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


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

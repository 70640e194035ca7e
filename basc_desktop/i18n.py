"""Keep the translations in step with the code: a developer tool, no Qt needed.

    python -m basc_desktop.i18n update   # extract the strings, merge them, compile .qm
    python -m basc_desktop.i18n check    # fail on anything missing, unfinished or stale

The screens' strings (``tr()``, ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``
under ``ui/``) are extracted by ``pyside6-lupdate``.  The strings below ``ui/`` are
marked with :func:`basc_desktop.domain.text.translatable` (often imported as ``_``);
lupdate cannot see those, so this module finds them with :mod:`ast` and keeps them in
the ``basc`` context of each ``.ts`` file.  It also parses ``ui/`` itself, to add what
lupdate misses (``self.tr('…')`` inside an f-string) and to check the files.
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from basc_desktop.domain.text import DOMAIN_CONTEXT

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
UI = PACKAGE / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
MARKER_MODULE = "basc_desktop.domain.text"
MARKER = "translatable"
SOURCE_LOCALE = "en_US"
LANGUAGES = {"es": "es_419", "fr": "fr_HT"}
"""The languages we translate to, with the locale written into a new ``.ts`` file."""

Key = tuple[str, str]
"""A message: its context and its English source text."""

_CONTEXT_FIRST = {"translate", "QT_TRANSLATE_NOOP"}
_CLASS_CONTEXT = {"tr", "QT_TR_NOOP"}
_LUPDATE = ["-silent", "-extensions", "py", "-locations", "none", "-no-obsolete", "-sort-messages"]
_ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?![A-Za-z]+;|#)(?=\w)")


# --- the strings in the code ---------------------------------------------------------


@dataclass
class Sources:
    """Every translatable string of the code, with where it is; and what cannot be read."""

    messages: dict[Key, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, context: str, source: str, where: str) -> None:
        self.messages.setdefault((context, source), where)


def _where(path: Path, node: ast.AST) -> str:
    shown = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    return f"{shown}:{getattr(node, 'lineno', 0)}"


def _is_computed_text(node: ast.expr) -> bool:
    """An f-string, a sum or a ``.format`` of strings: text no extraction tool can read."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _is_computed_text(node.func.value) or isinstance(node.func.value, ast.Constant)
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.BinOp)
        and any(isinstance(part, ast.Constant | ast.JoinedStr) for part in (node.left, node.right))
    )


def _literal(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_constants(tree: ast.Module) -> dict[str, str]:
    """``NAME = "text"`` at the top of a module (contexts such as ``CONTEXT = "Areas"``)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            text = _literal(node.value, {})
            if text is not None:
                found[node.targets[0].id] = text
    return found


class _UiVisitor(ast.NodeVisitor):
    def __init__(self, path: Path, tree: ast.Module, sources: Sources) -> None:
        self.path = path
        self.constants = _module_constants(tree)
        self.sources = sources
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in _CLASS_CONTEXT and node.args:
            self._found(self.classes[-1] if self.classes else "", node.args[0], node)
        elif name in _CONTEXT_FIRST and len(node.args) >= 2:
            context = _literal(node.args[0], self.constants)
            if context is not None:
                self._found(context, node.args[1], node)
        self.generic_visit(node)

    def _found(self, context: str, text: ast.expr, call: ast.Call) -> None:
        where = _where(self.path, call)
        source = _literal(text, {})
        if _is_computed_text(text):
            self.sources.problems.append(f"{where}: computed text cannot be translated")
        elif source is not None and context:
            self.sources.add(context, source, where)
        elif source is not None:
            self.sources.problems.append(f"{where}: tr() outside a class has no context")
        # Anything else is a lookup of a string marked elsewhere (QT_TRANSLATE_NOOP).


def _marker_names(tree: ast.Module, module: str) -> set[str]:
    """The names ``translatable`` is imported as (``translatable``, ``_``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from .text import translatable
                parent = module.rsplit(".", node.level)[0]
                base = f"{parent}.{base}" if base else parent
            if base == MARKER_MODULE:
                names.update(a.asname or a.name for a in node.names if a.name == MARKER)
    return names


def _scan_marked(path: Path, tree: ast.Module, module: str, sources: Sources) -> None:
    names = _marker_names(tree, module)
    for node in ast.walk(tree) if names else ():
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in names):
            continue
        text = _literal(node.args[0], {}) if node.args else None
        if text is None:
            sources.problems.append(f"{_where(path, node)}: {MARKER}() needs a plain string")
        else:
            sources.add(DOMAIN_CONTEXT, text, _where(path, node))


def scan_file(path: Path, sources: Sources, *, ui: bool, module: str = "") -> None:
    """Add the strings of one module: ``translatable``, and Qt's ways under ``ui/``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    if not module:
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    _scan_marked(path, tree, module, sources)
    if ui:
        _UiVisitor(path, tree, sources).visit(tree)


def scan_sources() -> Sources:
    """The strings of ``ui/`` (by context) and the ``basc`` strings of everything else."""
    sources = Sources()
    for path in sorted(PACKAGE.rglob("*.py")):
        scan_file(path, sources, ui=path.is_relative_to(UI))
    return sources


# --- .ts files ---------------------------------------------------------------------


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"basc_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"basc_{language}.qm"


def read_messages(path: Path) -> dict[Key, ET.Element]:
    """The ``<message>`` elements of a ``.ts`` file by context and source."""
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key in found:
                raise SystemExit(f"{path.name}: [{name}] {key[1]!r} twice (disambiguation?)")
            found[key] = message
    return found


_ENTITIES = {'"': "&quot;", "&": "&amp;", ">": "&gt;", "<": "&lt;", "'": "&apos;"}


def _protect(text: str) -> str:
    """XML text escaped as lupdate does it, so lupdate and we write the same bytes."""
    return "".join(_ENTITIES.get(char) or _numeric(char) for char in text)


def _numeric(char: str) -> str:
    """Control characters and non-ASCII spaces (no-break space…) as ``&#xa0;``."""
    code = ord(char)
    hidden = (code < 0x20 and char not in "\n\t") or (code > 0x7F and char.isspace())
    return f"&#x{code:x};" if hidden else char


def _element(node: ET.Element, depth: int) -> Iterator[str]:
    pad = "    " * depth
    attrs = "".join(f' {key}="{_protect(value)}"' for key, value in node.attrib.items())
    if len(node):
        yield f"{pad}<{node.tag}{attrs}>"
        for child in node:
            yield from _element(child, depth + 1)
        yield f"{pad}</{node.tag}>"
    elif node.tag == "location":
        yield f"{pad}<{node.tag}{attrs}/>"
    else:
        yield f"{pad}<{node.tag}{attrs}>{_protect(node.text or '')}</{node.tag}>"


def write_ts(path: Path, attrib: dict[str, str], messages: dict[Key, ET.Element]) -> None:
    """Write ``messages`` sorted by context and source, in lupdate's own layout."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    attrs = "".join(f' {key}="{_protect(value)}"' for key, value in attrib.items())
    lines.append(f"<TS{attrs}>")
    for context in sorted({key[0] for key in messages}):
        lines += ["<context>", f"    <name>{_protect(context)}</name>"]
        for key in sorted(k for k in messages if k[0] == context):
            lines.extend(_element(messages[key], 1))
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the Qt tools -------------------------------------------------------------------


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease``: beside this Python, else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def _run(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed:\n{done.stdout}{done.stderr}")


def compile_qm(ts: Path, qm: Path) -> None:
    _run([qt_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])


# --- update -------------------------------------------------------------------------


def update_language(language: str, sources: Sources) -> list[Key]:
    """Bring ``basc_<language>.ts`` and ``.qm`` up to date; returns what lupdate missed."""
    path = ts_path(language)
    before = read_messages(path) if path.exists() else {}
    locales = ["-source-language", SOURCE_LOCALE, "-target-language", LANGUAGES[language]]
    _run([qt_tool("pyside6-lupdate"), *_LUPDATE, *locales, str(UI), "-ts", str(path)])
    attrib = dict(ET.parse(path).getroot().attrib)
    extracted = {k: m for k, m in read_messages(path).items() if k[0] != DOMAIN_CONTEXT}
    missed = sorted(k for k in sources.messages if k not in extracted and k[0] != DOMAIN_CONTEXT)
    messages = dict(extracted)
    for key in sources.messages.keys() - extracted.keys():
        if key in before:  # lupdate dropped it: keep the translation we had
            messages[key] = copy.deepcopy(before[key])
        else:
            messages[key] = ET.Element("message")
            ET.SubElement(messages[key], "source").text = key[1]
            ET.SubElement(messages[key], "translation", type="unfinished")
    write_ts(path, attrib, messages)
    compile_qm(path, qm_path(language))
    return missed


def update() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    sources = scan_sources()
    for problem in sources.problems:
        print(f"warning: {problem}", file=sys.stderr)
    missed: set[Key] = set()
    for language in LANGUAGES:
        missed.update(update_language(language, sources))
    for context, source in sorted(missed):
        where = sources.messages[(context, source)]
        print(f"note: lupdate missed {where} [{context}] {source!r}; added it here")
    for language in LANGUAGES:
        total = len(read_messages(ts_path(language)))
        print(f"{ts_path(language).relative_to(ROOT)}: {total} messages")
    return 0


# --- check --------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a ``str.format`` template; ``{{`` and ``}}`` are plain braces."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return set(re.findall(r"\{[^{}]*\}", text))


def accelerators(text: str) -> int:
    """How many ``&`` mark a keyboard accelerator (``&&`` is a plain ampersand)."""
    return len(_ACCELERATOR.findall(text))


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return [""]
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is None
        or translation.get("type") in {"unfinished", "vanished", "obsolete"}
        or not all(text.strip() for text in _translations(message))
    )


def _check_language(language: str, sources: Sources) -> list[str]:
    path = ts_path(language)
    name = path.name
    if not path.exists():
        return [f"{name}: missing (run: python -m basc_desktop.i18n update)"]
    messages = read_messages(path)
    problems = [
        f"{name}: lacks [{context}] {source!r} from {where} (run update)"
        for (context, source), where in sorted(sources.messages.items())
        if (context, source) not in messages
    ]
    for (context, source), message in sorted(messages.items()):
        label = f"{name}: [{context}] {source!r}"
        if (context, source) not in sources.messages:
            problems.append(f"{label} is no longer in the code (run update)")
        elif _unfinished(message):
            problems.append(f"{label} has no finished translation")
            continue
        for text in _translations(message):
            if placeholders(text) != placeholders(source):
                problems.append(f"{label}: placeholders differ in {text!r}")
            if accelerators(text) != accelerators(source):
                problems.append(f"{label}: accelerators (&) differ in {text!r}")
    problems += _check_compiled(language)
    return problems


def _check_compiled(language: str) -> list[str]:
    """The .qm must exist; that it serves every translation of the .ts is checked by the
    test suite, through Qt itself (bytes differ between lrelease versions)."""
    qm = qm_path(language)
    return [] if qm.exists() else [f"{qm.name}: missing (run update)"]


def finished_translations(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for every finished message of the .ts."""
    found: dict[tuple[str, str], str] = {}
    for (context, source), message in read_messages(ts_path(language)).items():
        texts = _translations(message)
        if texts and not _unfinished(message):
            found[(context, source)] = texts[0]
    return found


def find_problems() -> list[str]:
    """Everything ``check`` reports: an empty list when the translations are complete."""
    sources = scan_sources()
    problems = list(sources.problems)
    for language in LANGUAGES:
        problems += _check_language(language, sources)
    return problems


def check() -> int:
    problems = find_problems()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s)", file=sys.stderr)
        return 1
    counts = ", ".join(f"{lang} {len(read_messages(ts_path(lang)))}" for lang in LANGUAGES)
    print(f"translations complete: {counts} messages")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m basc_desktop.i18n", description=__doc__)
    parser.add_argument("command", choices=("update", "check"))
    args = parser.parse_args(argv)
    return update() if args.command == "update" else check()


if __name__ == "__main__":
    sys.exit(main())

"""Where a coordinator asks a file (PDF, workbook, key) to be written: checked first.

A file-writing service calls :func:`output_file` before it reads or writes anything, so
a path that cannot be written is refused with a clear message and nothing has changed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from basc_desktop.domain.errors import BascError, ValidationError
from basc_desktop.domain.text import translatable as _


def output_file(path: Path | str) -> Path:
    """``path`` as a Path, its folder made; refused when it names a folder or the
    folder cannot be made or written in."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError(
            "path", _("{path} is a folder: choose a file name."), label=_("File"), path=str(path)
        )
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BascError(
            _("The folder {folder} cannot be made: {reason}"),
            folder=str(folder),
            reason=exc.strerror or str(exc),
        ) from exc
    if not os.access(folder, os.W_OK):
        raise BascError(_("This user may not write in the folder {folder}."), folder=str(folder))
    return path


@contextlib.contextmanager
def written_whole(path: Path, failure: str) -> Iterator[Path]:
    """Write to the ``.part`` file this yields; it becomes ``path`` only when the block
    ends well, and is removed on any error or cancel, so ``path`` is never half written.

    An OSError becomes a BascError with the translatable ``failure`` template, which
    may use ``{path}`` and ``{reason}``.
    """
    part = path.with_name(path.name + ".part")
    try:
        yield part
        os.replace(part, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise BascError(failure, path=str(path), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise

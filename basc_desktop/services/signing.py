"""Each chapter's Ed25519 key pair, kept in the data folder, that signs its certificates.

The pair is made the first time the chapter prints a certificate (or exports its public
key) and kept in ``keys/`` of the data folder: ``<chapter>.key.pem`` (the private key,
readable by its owner only) and ``<chapter>.pub.pem``.  The public key is what customs
and buyers get to check a certificate offline.

Every PC registers its public key in the database (``chapter_public_keys``) in the
transaction that first signs for the chapter, so that on a shared database a certificate
printed on one PC verifies on every other.  Verification trusts the keys of the database,
this PC's own key, and any other public key of the same chapter dropped in the folder as
``<chapter>.<name>.pub.pem`` (for example an exported key of another office).  Verifying
never makes a key.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import ChapterRow
from basc_desktop.store.signing_keys import ChapterPublicKey

__all__ = [
    "SigningKeyError",
    "check_signature",
    "fingerprint",
    "has_key",
    "private_key",
    "public_key_pem",
    "public_keys_in",
    "public_keys_pem",
    "register_public_key",
    "registered_public_keys",
    "sign",
    "trusted_public_keys",
]

_PRIVATE = "{chapter}.key.pem"
_PUBLIC = "{chapter}.pub.pem"


class SigningKeyError(BascError):
    """A chapter's key file that cannot be read or written."""


def _keys_dir(ws: Workspace) -> Path:
    return ws.data_folder("keys")


def _check_chapter(chapter_code: str) -> None:
    if (
        not chapter_code
        or any(c in chapter_code for c in "/\\.")
        or chapter_code != chapter_code.strip()
    ):
        raise ValueError(f"not a chapter code: {chapter_code!r}")


def _public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _write_new_private_key(path: Path, key: Ed25519PrivateKey) -> bool:
    """Write ``key`` at ``path`` (mode 0600) unless the file exists; True if written."""
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(part, path)  # atomic and refuses to replace: two programs, one key
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if path.exists():
                return False
            os.replace(part, path)
            return True
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


def _load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(
            _("The chapter's signing key {path} cannot be read: {reason}"),
            path=str(path),
            reason=str(exc),
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(
            _("The chapter's signing key {path} is not an Ed25519 key."), path=str(path)
        )
    return key


def private_key(
    ws: Workspace, chapter_code: str, session: Session | None = None
) -> Ed25519PrivateKey:
    """The chapter's private key, made and saved the first time it is asked for.

    Its public key is registered in the database, in ``session`` when given (the
    transaction that signs with it), else in a transaction of its own if it is not yet.
    """
    _check_chapter(chapter_code)
    folder = _keys_dir(ws)
    path = folder / _PRIVATE.format(chapter=chapter_code)
    if not path.exists():
        try:
            _write_new_private_key(path, Ed25519PrivateKey.generate())
        except OSError as exc:
            raise SigningKeyError(
                _("The chapter's signing key {path} cannot be written: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc
    key = _load_private_key(path)
    public = folder / _PUBLIC.format(chapter=chapter_code)
    pem = _public_pem(key.public_key())
    if not public.exists() or public.read_bytes() != pem:
        part = public.with_name(f"{public.name}.{os.getpid()}.part")
        part.write_bytes(pem)
        os.replace(part, public)
    if session is not None:
        register_public_key(session, ws.user, chapter_code, key.public_key())
    else:
        _register_once(ws, chapter_code, key.public_key())
    return key


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw 32-byte public key, hexadecimal (how the database names a key)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def register_public_key(
    session: Session, user: str, chapter_code: str, key: Ed25519PublicKey
) -> bool:
    """Register ``key`` for the chapter in the database; True if it was new.

    Idempotent by fingerprint, and safe when two PCs register at the same moment
    (INSERT … ON CONFLICT DO NOTHING).  A chapter the database does not list is skipped.
    """
    fp = fingerprint(key)
    if session.scalar(select(ChapterPublicKey.id).where(ChapterPublicKey.fingerprint == fp)):
        return False
    if session.get(ChapterRow, chapter_code) is None:
        return False
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(ChapterPublicKey)
        .values(
            chapter_code=chapter_code,
            public_key=_public_pem(key).decode("ascii"),
            fingerprint=fp,
            created_by=user,
        )
        .on_conflict_do_nothing(index_elements=["fingerprint"])
        .returning(ChapterPublicKey.id)
    )
    key_id = session.scalar(statement)
    if key_id is None:
        return False
    record_event(
        session,
        user,
        "chapter_public_key",
        key_id,
        "register",
        {"chapter_code": chapter_code, "fingerprint": fp},
    )
    return True


def _register_once(ws: Workspace, chapter_code: str, key: Ed25519PublicKey) -> None:
    fp = fingerprint(key)
    with ws.db.reading() as session:
        known = session.scalar(
            select(ChapterPublicKey.id).where(ChapterPublicKey.fingerprint == fp)
        )
    if known is None:
        with ws.db.transaction() as session:
            register_public_key(session, ws.user, chapter_code, key)


def registered_public_keys(ws: Workspace, chapter_code: str) -> list[Ed25519PublicKey]:
    """The chapter's public keys registered in the database, oldest first."""
    with ws.db.reading() as session:
        pems = session.scalars(
            select(ChapterPublicKey.public_key)
            .where(ChapterPublicKey.chapter_code == chapter_code)
            .order_by(ChapterPublicKey.id)
        ).all()
    return [key for pem in pems for key in public_keys_in(pem.encode("ascii"))]


_PEM_END = b"-----END PUBLIC KEY-----"


def public_keys_in(data: bytes) -> list[Ed25519PublicKey]:
    """Every Ed25519 public key of a PEM text (one block or several); damaged ones skipped."""
    keys = []
    for block in data.split(_PEM_END)[:-1]:
        try:
            key = serialization.load_pem_public_key(block.strip() + b"\n" + _PEM_END + b"\n")
        except ValueError:
            continue  # a damaged block vouches for nothing
        if isinstance(key, Ed25519PublicKey):
            keys.append(key)
    return keys


def has_key(ws: Workspace, chapter_code: str) -> bool:
    """Whether this PC holds the chapter's signing key."""
    _check_chapter(chapter_code)
    return (_keys_dir(ws) / _PRIVATE.format(chapter=chapter_code)).exists()


def public_key_pem(ws: Workspace, chapter_code: str) -> bytes:
    """This PC's public key of the chapter as PEM text, making the key pair if there is none."""
    return _public_pem(private_key(ws, chapter_code).public_key())


def public_keys_pem(ws: Workspace, chapter_code: str) -> bytes:
    """Every public key of the chapter (this PC's first, then the database's) as PEM blocks."""
    own = private_key(ws, chapter_code).public_key()
    keys = [own, *registered_public_keys(ws, chapter_code)]
    return b"".join(_public_pem(key) for key in _unique(keys))


def sign(ws: Workspace, chapter_code: str, message: bytes) -> bytes:
    """The chapter's Ed25519 signature of ``message`` (64 bytes; the same each time)."""
    return private_key(ws, chapter_code).sign(message)


def _unique(keys: list[Ed25519PublicKey]) -> list[Ed25519PublicKey]:
    seen: set[str] = set()
    unique = []
    for key in keys:
        fp = fingerprint(key)
        if fp not in seen:
            seen.add(fp)
            unique.append(key)
    return unique


def trusted_public_keys(ws: Workspace, chapter_code: str) -> list[Ed25519PublicKey]:
    """The public keys that may sign the chapter's certificates (maybe none): this PC's
    own, those registered in the database, and those imported into ``keys/``."""
    _check_chapter(chapter_code)
    keys: list[Ed25519PublicKey] = []
    extra: list[Path] = []
    if ws.data_dir is not None:
        folder = _keys_dir(ws)
        private = folder / _PRIVATE.format(chapter=chapter_code)
        if private.exists():
            keys.append(_load_private_key(private).public_key())
        else:  # a PC that only checks: the chapter's public key, imported
            extra.append(folder / _PUBLIC.format(chapter=chapter_code))
        extra += sorted(folder.glob(f"{chapter_code}.*.pub.pem"))
    keys += registered_public_keys(ws, chapter_code)
    for path in extra:
        try:
            keys += public_keys_in(path.read_bytes())
        except OSError:
            continue  # a missing extra key vouches for nothing
    return _unique(keys)


def check_signature(keys: list[Ed25519PublicKey], message: bytes, signature: bytes) -> bool:
    """Whether one of ``keys`` made ``signature`` of ``message``."""
    for key in keys:
        try:
            key.verify(signature, message)
        except InvalidSignature:
            continue
        return True
    return False

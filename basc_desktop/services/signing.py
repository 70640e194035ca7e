"""Each chapter's Ed25519 key pair, kept in the data folder, that signs its certificates.

The pair is made the first time the chapter prints a certificate (or exports its public
key) and kept in ``keys/`` of the data folder: ``<chapter>.key.pem`` (the private key,
readable by its owner only) and ``<chapter>.pub.pem``.  The public key is what customs
and buyers get to check a certificate offline.

Verification trusts the chapter's own public key and any other public key of the same
chapter dropped in the folder as ``<chapter>.<name>.pub.pem`` (for example the key of
another office PC that prints for the same chapter).  Verifying never makes a key.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace

__all__ = [
    "SigningKeyError",
    "check_signature",
    "has_key",
    "private_key",
    "public_key_pem",
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


def private_key(ws: Workspace, chapter_code: str) -> Ed25519PrivateKey:
    """The chapter's private key, made and saved the first time it is asked for."""
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
    return key


def has_key(ws: Workspace, chapter_code: str) -> bool:
    """Whether this PC holds the chapter's signing key."""
    _check_chapter(chapter_code)
    return (_keys_dir(ws) / _PRIVATE.format(chapter=chapter_code)).exists()


def public_key_pem(ws: Workspace, chapter_code: str) -> bytes:
    """The chapter's public key as PEM text, making the key pair if there is none yet."""
    return _public_pem(private_key(ws, chapter_code).public_key())


def sign(ws: Workspace, chapter_code: str, message: bytes) -> bytes:
    """The chapter's Ed25519 signature of ``message`` (64 bytes; the same each time)."""
    return private_key(ws, chapter_code).sign(message)


def trusted_public_keys(ws: Workspace, chapter_code: str) -> list[Ed25519PublicKey]:
    """The public keys that may sign the chapter's certificates on this PC (maybe none)."""
    _check_chapter(chapter_code)
    folder = _keys_dir(ws)
    private = folder / _PRIVATE.format(chapter=chapter_code)
    if private.exists():
        keys = [_load_private_key(private).public_key()]
        extra = sorted(folder.glob(f"{chapter_code}.*.pub.pem"))
    else:  # a PC that only checks: the chapter's public key, imported
        keys = []
        extra = [folder / _PUBLIC.format(chapter=chapter_code)]
        extra += sorted(folder.glob(f"{chapter_code}.*.pub.pem"))
    for path in extra:
        try:
            key = serialization.load_pem_public_key(path.read_bytes())
        except (OSError, ValueError):
            continue  # a missing or damaged extra key vouches for nothing
        if isinstance(key, Ed25519PublicKey):
            keys.append(key)
    return keys


def check_signature(keys: list[Ed25519PublicKey], message: bytes, signature: bytes) -> bool:
    """Whether one of ``keys`` made ``signature`` of ``message``."""
    for key in keys:
        try:
            key.verify(signature, message)
        except InvalidSignature:
            continue
        return True
    return False

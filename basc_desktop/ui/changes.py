"""Changes are announced: after a write, the hub says what changed; screens refresh.

No screen reaches into another.  The one who writes calls ``changes.announce(MEMBERS)``;
each screen that shows members listens with
``changes.subscribe(self, MEMBERS, self.reload)``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

MEMBERS = "members"
ADMISSIONS = "admissions"
AUDITS = "audits"
ACTIONS = "corrective_actions"
CERTIFICATES = "certificates"
CHAPTERS = "chapters"
PREFERENCES = "preferences"
WORKSPACE = "workspace"
"""Another database was opened: every screen reloads everything."""

TOPICS = (MEMBERS, ADMISSIONS, AUDITS, ACTIONS, CERTIFICATES, CHAPTERS, PREFERENCES, WORKSPACE)


class ChangeHub(QObject):
    """One per main window.  ``changed(topic)`` is emitted once per announced topic."""

    changed = Signal(str)

    def announce(self, *topics: str) -> None:
        for topic in topics:
            if topic not in TOPICS:
                raise ValueError(f"unknown change topic {topic!r}")
            self.changed.emit(topic)

    def subscribe(
        self, owner: QObject, topics: str | tuple[str, ...], callback: Callable[[], object]
    ) -> None:
        """Call ``callback`` when one of ``topics`` changes, and when the workspace changes.

        The subscription ends when ``owner`` (usually the screen) is destroyed.
        """
        wanted = {topics} if isinstance(topics, str) else set(topics)
        wanted.add(WORKSPACE)
        subscription = _Subscription(owner, frozenset(wanted), callback)
        self.changed.connect(subscription.deliver)


class _Subscription(QObject):
    def __init__(
        self, owner: QObject, topics: frozenset[str], callback: Callable[[], object]
    ) -> None:
        super().__init__(owner)
        self._topics = topics
        self._callback = callback

    @Slot(str)
    def deliver(self, topic: str) -> None:
        if topic in self._topics:
            self._callback()

"""BASC Desktop: certification work of a BASC chapter, on the coordinator's PC."""

__version__ = "0.1.0"

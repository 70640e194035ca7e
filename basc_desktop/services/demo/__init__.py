"""Realistic, seeded demo data: companies of every chapter with their whole history.

``build_demo`` fills an empty workspace; ``create_demo_database`` (re)creates the
demo database file and fills it.  The same seed on the same day gives the same rows.
"""

from basc_desktop.services.demo.build import DemoCancelled, DemoSummary, build_demo
from basc_desktop.services.demo.database import create_demo_database
from basc_desktop.services.demo.dates import add_months

__all__ = [
    "DemoCancelled",
    "DemoSummary",
    "add_months",
    "build_demo",
    "create_demo_database",
]

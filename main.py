"""Start the BASC Desktop window (same as the `basc-desktop` command)."""

from basc_desktop.cli import gui_main

raise SystemExit(gui_main())

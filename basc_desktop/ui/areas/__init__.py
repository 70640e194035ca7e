"""One sub-package or module per area of the main window's sidebar."""

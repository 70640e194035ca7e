"""Dialogs the areas open: planning an audit, editing a corrective action, and more."""

"""Qt table models over the plain rows the services return."""

"""Use cases: one function per thing a coordinator does, each one transaction."""

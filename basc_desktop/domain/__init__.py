"""Pure rules of BASC certification: no Qt, no SQL."""

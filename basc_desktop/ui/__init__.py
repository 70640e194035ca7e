"""The Qt user interface: the only layer that imports Qt; it calls the services only."""

"""Everything that imports Qt: app wiring, window, flow, state, widgets, screens and pictures."""

"""Static figures for chapters that have no widget; each module returns a plotly Figure."""

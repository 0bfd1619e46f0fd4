"""Pandera models of the long frames and their construction from extraction dataclasses."""

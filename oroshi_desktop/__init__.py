"""oroshi-desktop: the desktop job layer of the Oroshi wholesale system."""

__version__ = "0.1.0"

"""The toolkit's version, in one place (the package, the CLI and provenance read it)."""

__version__ = "0.1.0"

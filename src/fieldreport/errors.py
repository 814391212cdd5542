"""One exception tree for fieldreport.

FieldreportError
├── InputError            bad input: the item is skipped with this reason, the batch goes on
│   ├── EmptyInput        nothing to read (empty, whitespace, only scripts/styles)
│   ├── DecodeError       bytes that are not text in any encoding we accept
│   ├── UnsupportedFormat a file type we do not read (PDF, image, ...)
│   ├── BadRecord         a JSONL line or field that is malformed
│   └── TooLarge          bigger than any news article (ingest.MAX_BYTES)
├── ConfigError           a setting that cannot work (unknown model, bad database URL)
├── DataError             packaged reference data is missing or broken
└── StoreError            the database refused an operation
"""

from __future__ import annotations


class FieldreportError(Exception):
    """Base of every error fieldreport raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source  # file, URL or record the error is about

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    @property
    def code(self) -> str:
        """Stable machine-readable name, e.g. ``empty_input``."""
        name = type(self).__name__
        return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


class InputError(FieldreportError):
    """An input item cannot be turned into an article."""


class EmptyInput(InputError):
    """The item has no readable text."""


class DecodeError(InputError):
    """The bytes are not text in any accepted encoding."""


class UnsupportedFormat(InputError):
    """A format fieldreport does not read."""


class BadRecord(InputError):
    """A malformed JSONL line or a field with a wrong type or value."""


class TooLarge(InputError):
    """An input bigger than any news report; refused before parsing."""


class ConfigError(FieldreportError):
    """A setting that cannot work."""


class DataError(FieldreportError):
    """Packaged reference data is missing or malformed."""


class StoreError(FieldreportError):
    """The store refused an operation."""

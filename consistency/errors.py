"""One error hierarchy.  Each class also inherits the builtin it resembles
(as pint does), so callers may catch either."""

from __future__ import annotations


class ConsistencyError(Exception):
    """Base class of every error raised on purpose by claim-consistency."""


class LocaleError(ValueError, ConsistencyError):
    """An unknown or malformed locale tag."""


class ParseError(ValueError, ConsistencyError):
    """Text that should be a number (or a rule, a pack...) but is not."""


class InputError(OSError, ConsistencyError):
    """An input file that cannot be read: missing, binary, not UTF-8, too large."""


class ConfigError(ValueError, ConsistencyError):
    """A configuration file, rule file or command-line option that is invalid."""

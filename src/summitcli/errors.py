"""Errors that end a run, each tied to a documented exit code."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (documented in the README)."""

    OK = 0
    INTERNAL = 1  # a bug: please report it
    USAGE = 2  # bad command-line usage (Typer/Click's own code)
    CORPUS = 3  # the corpus cannot be used: missing folder, no articles, bad YAML, duplicate ids
    NOT_FOUND = 4  # an id or speaker the user named does not exist (with suggestions)
    INPUT = 5  # other bad input: unreadable records file, bad option value


class SummitError(Exception):
    """An error that spoils the whole run: one line on stderr and a non-zero exit."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str, exit_code: ExitCode | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class CorpusError(SummitError):
    exit_code = ExitCode.CORPUS


class NotFoundError(SummitError):
    exit_code = ExitCode.NOT_FOUND


class InputError(SummitError):
    exit_code = ExitCode.INPUT

"""The one error the reader raises."""


class ReaderError(Exception):
    """A document that cannot be read. str(error) is a message in Chinese for the person who
    uploaded the file, so callers can show it as it is."""


class ZipBombError(ReaderError):
    """A package that would inflate past the limits: made to do harm, not merely broken."""

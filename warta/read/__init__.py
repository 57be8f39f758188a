"""Readers: every way news arrives, each streaming and usable alone.

`read_inputs(paths)` dispatches on what each path is (directory, `-` for standard
input, or a file sniffed by name and content) and yields `RawPage` records, or a
`ReadFailure` naming the file and the reason; one bad input never stops the rest.
"""
from warta.read.files import read_inputs, read_path

__all__ = ["read_inputs", "read_path"]

"""The second producer: standard tables written as .xlsx and printed to PDF by LibreOffice Calc.

See docs/corpus.md ("A second producer: LibreOffice"). ``python -m samplegen.office --help``.
"""

"""The third producer: standard tables written as an HTML page and printed to PDF by headless
Chromium (Skia's PDF backend), the way web-based budget systems export their reports.

See docs/corpus.md ("A third producer: a browser"). ``python -m samplegen.browser --help``.
"""

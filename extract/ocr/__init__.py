"""Tables that are pictures: OCR text boxes + ruling lines of a page image → :class:`extract.grid.Grid`.

Pure (no Dagster, no DuckDB); the OCR engine and OpenCV are imported lazily so importing
``extract`` stays cheap for text-layer documents.
"""

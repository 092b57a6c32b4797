"""The OCR engine: Tesseract, the worker pool that runs it, and page preparation."""

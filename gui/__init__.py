"""The Qt shell: widgets, models and the wizard; no SQL and no OCR code here."""

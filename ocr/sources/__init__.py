"""Where pages come from: files (images, TIFF, PDF), the scanner, separator sheets and a
watched folder. The file helpers are the ones most callers need, so they are here too."""

from .files import (
    IMAGE_MIMES,
    detect_mime,
    files_in_folder,
    image_frame_count,
    load_frame,
    natural_key,
    open_image,
    page_image,
    plain_os_error,
)

__all__ = [
    "IMAGE_MIMES",
    "detect_mime",
    "files_in_folder",
    "image_frame_count",
    "load_frame",
    "natural_key",
    "open_image",
    "page_image",
    "plain_os_error",
]

"""A client's documents: page images, thumbnails and the page viewer."""

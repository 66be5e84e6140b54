/**
 * Images: upload, safe processing (format sniffed from the bytes, limits checked before decoding, every rendition
 * re-encoded without metadata), storage in the database, a directory or an S3-compatible bucket
 * ({@link io.realtimeblog.media.storage.MediaStore}), serving with immutable caching, and live events
 * ({@code media-created}, {@code media-updated}, {@code media-deleted}) for staff. See docs/media.md.
 */
package io.realtimeblog.media;

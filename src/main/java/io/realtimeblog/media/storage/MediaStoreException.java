package io.realtimeblog.media.storage;

/** A media store could not read, write or delete: the disk, the database or the bucket refused or was unreachable. */
public class MediaStoreException extends RuntimeException {

    public MediaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

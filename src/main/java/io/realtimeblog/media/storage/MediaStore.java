package io.realtimeblog.media.storage;

import java.util.Optional;

/**
 * Where the bytes of image renditions live. {@code blog.media.storage} selects one implementation per
 * application: {@code database} (the default: a table, so N instances behind a load balancer need nothing else),
 * {@code filesystem} (a directory: one instance, or a volume every instance shares) or {@code s3} (any
 * S3-compatible bucket through the AWS SDK v2).
 * <p>
 * Keys are chosen by the media module, never by an uploader: segments of ASCII letters, digits, {@code -},
 * {@code _} and {@code .} joined by {@code /}, none empty and none starting with a dot (so no {@code ..}, no absolute
 * path), at most 200 characters, for example {@code 3f2c…/640.webp}. Every store refuses any other key with an
 * {@link IllegalArgumentException} before it touches anything. The media row in the database says
 * which renditions exist, their content type, size and ETag; the store only holds bytes.
 * <p>
 * Every method may block on I/O (disk, network, database) and must not be called on a socket's I/O thread. A
 * store that cannot do what is asked throws {@link MediaStoreException}; nothing is half-written under a key.
 */
public interface MediaStore {

    /** Stores the bytes under the key, replacing what was there. */
    void put(String key, byte[] bytes, String contentType);

    /** The bytes stored under the key, or empty when there are none. */
    Optional<byte[]> get(String key);

    /** Removes the key; a key that is not there is not an error. */
    void delete(String key);
}

package io.realtimeblog.media.storage;

import java.util.regex.Pattern;

/**
 * The one rule for store keys, checked by every store before it touches a disk or a bucket: a key is a relative path
 * of segments joined by {@code /}, each segment starting with an ASCII letter or digit followed by letters, digits,
 * {@code -}, {@code _} and {@code .}, at most 200 characters in all. So no absolute path, no {@code ..}, no empty
 * segment and no hidden file: a key can never name anything outside the store's directory or prefix, and never one
 * of the filesystem store's own temporary files (which start with a dot).
 */
final class MediaKeys {

    static final int MAX_LENGTH = 200;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private MediaKeys() {
    }

    /**
     * @return the key, unchanged
     * @throws IllegalArgumentException if it breaks the rule: keys come from the media module, never from an
     *                                  uploader, so a bad one is a programming error and nothing is stored
     */
    static String requireValid(String key) {
        if (key == null || key.length() > MAX_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a valid media store key: "
                    + (key == null ? null : '"' + key.substring(0, Math.min(key.length(), MAX_LENGTH)) + '"'));
        }
        return key;
    }
}

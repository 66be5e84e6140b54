package io.realtimeblog.media.library;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.realtimeblog.media.processing.ImageFormat;
import io.swagger.v3.oas.annotations.Hidden;
import io.realtimeblog.media.storage.MediaStore;

/**
 * Serves renditions at {@code /media/{id}/{width}.{ext}} to anyone (docs/media.md): the ids are random UUIDs, so an
 * image is found only through a page or post that shows it, including images that only drafts use (as Ghost does).
 * A rendition never changes under its URL, so it is cached for a year as immutable, with a strong ETag for
 * revalidation; the store is read only when the client does not already hold the bytes.
 */
@Hidden // files for readers, like the public pages: not part of the staff API document (docs/media.md)
@RestController
class MediaFileController {

    private static final Logger log = LoggerFactory.getLogger(MediaFileController.class);
    private static final Pattern FILE = Pattern.compile("([1-9][0-9]{0,4})\\.([a-z]{3,4})");
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic()
            .immutable();

    private final MediaRepository repository;
    private final MediaStore store;

    MediaFileController(MediaRepository repository, MediaStore store) {
        this.repository = repository;
        this.store = store;
    }

    @GetMapping("/media/{id}/{file}")
    ResponseEntity<byte[]> rendition(@PathVariable String id, @PathVariable String file,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Matcher name = FILE.matcher(file);
        UUID mediaId = uuid(id);
        if (mediaId == null || !name.matches()) {
            throw MediaProblems.renditionNotFound();
        }
        ImageFormat format = ImageFormat.ofExtension(name.group(2)).orElseThrow(MediaProblems::renditionNotFound);
        MediaRow.RenditionRow rendition = repository.rendition(mediaId, Integer.parseInt(name.group(1)))
                .filter(r -> r.contentType().equals(format.contentType()))
                .orElseThrow(MediaProblems::renditionNotFound);
        if (matches(ifNoneMatch, rendition.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(rendition.etag()).cacheControl(IMMUTABLE)
                    .build();
        }
        byte[] bytes = store.get(rendition.storageKey()).orElseThrow(() -> {
            log.warn("The media store has no bytes for {}", rendition.storageKey());
            return MediaProblems.renditionNotFound();
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(rendition.contentType()))
                .eTag(rendition.etag()).cacheControl(IMMUTABLE).contentLength(bytes.length).body(bytes);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

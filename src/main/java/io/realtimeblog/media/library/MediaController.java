package io.realtimeblog.media.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.realtimeblog.media.MediaProperties;
import io.realtimeblog.users.Actor;

/**
 * The media library API (docs/rest-api.md): upload ({@code multipart/form-data}, the only non-JSON request of the
 * API), list, read, change the alt text, delete.
 */
@RestController
@RequestMapping("/api/media")
class MediaController {

    static final int MAX_ALT = 500;

    private final MediaService service;
    private final MediaProperties properties;

    MediaController(MediaService service, MediaProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** The alt text of an image: plain text, at most 500 characters (empty: decorative). */
    record AltRequest(@NotNull @Size(max = MAX_ALT) String alt) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaView> upload(@AuthenticationPrincipal Actor actor,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestPart(name = "alt", required = false) String alt) {
        if (file == null) {
            throw MediaProblems.missingFile();
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw MediaProblems.tooLarge(properties.maxFileSize().toBytes());
        }
        if (file.isEmpty()) {
            throw MediaProblems.emptyFile();
        }
        String text = checkedAlt(alt == null ? "" : alt);
        MediaView media = service.upload(actor, bytes(file), text);
        return ResponseEntity.created(URI.create("/api/media/" + media.id())).body(media);
    }

    @GetMapping
    MediaPage list(@RequestParam(required = false) UUID uploadedBy,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "30") @Min(1) @Max(100) int size) {
        return service.list(uploadedBy, page, size);
    }

    @GetMapping("/{id}")
    MediaView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PatchMapping("/{id}")
    MediaView updateAlt(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @Valid @RequestBody AltRequest request) {
        return service.updateAlt(actor, id, checkedAlt(request.alt()));
    }

    /**
     * The alt text, stripped: at most 500 characters of one line of plain text. Control characters are refused
     * (PostgreSQL cannot even store a NUL in text; a line break has no place in an alt attribute).
     */
    private static String checkedAlt(String alt) {
        String text = alt.strip();
        if (text.length() > MAX_ALT) {
            throw MediaProblems.badAlt("size must be between 0 and " + MAX_ALT);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw MediaProblems.badAlt("must not contain control characters (line breaks, tabs, NUL, ...)");
        }
        return text;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean force) {
        service.delete(actor, id, force);
        return ResponseEntity.noContent().build();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

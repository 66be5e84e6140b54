package io.realtimeblog.media.library;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.realtimeblog.posts.PostImages;

/** The media library as posts and the public site see it: images by id, with their renditions. */
@Component
class MediaCatalog implements PostImages {

    private final MediaRepository repository;

    MediaCatalog(MediaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<UUID, Image> find(Collection<UUID> ids) {
        Map<UUID, Image> found = new LinkedHashMap<>();
        for (MediaRow row : repository.findAll(new LinkedHashSet<>(ids))) {
            MediaView view = MediaView.of(row, java.util.List.of());
            found.put(row.id(), new Image(row.id(), view.url(), row.contentType(), row.width(), row.height(),
                    view.variants().stream().map(v -> new Variant(v.width(), v.url())).toList()));
        }
        return found;
    }
}

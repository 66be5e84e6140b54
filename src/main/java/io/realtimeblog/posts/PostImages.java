package io.realtimeblog.posts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * The images posts may use, as the media module provides them (it implements this interface, so posts never
 * depends on media): a cover must name one of them, and Markdown images of them get their size and responsive
 * renditions. Also used by the public site to render covers.
 */
public interface PostImages {

    /** An image path of ours in a post: {@code /media/{id}/{width}.{ext}}. */
    Pattern MEDIA_URL = Pattern.compile("/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
            + "/[1-9][0-9]{0,4}\\.(?:jpg|png|gif|webp)");

    /** The images among {@code ids} that exist, by id; one query. */
    Map<UUID, Image> find(Collection<UUID> ids);

    /** An image and its renditions. {@code url} is the original size; {@code variants} are narrower, widest first. */
    record Image(UUID id, String url, String contentType, int width, int height, List<Variant> variants) {

        /** Every rendition as an HTML {@code srcset}: narrowest first, the original last. */
        public String srcset() {
            StringBuilder out = new StringBuilder();
            for (int i = variants.size() - 1; i >= 0; i--) {
                out.append(variants.get(i).url()).append(' ').append(variants.get(i).width()).append("w, ");
            }
            return out.append(url).append(' ').append(width).append('w').toString();
        }

        /** The narrowest rendition at least {@code width} wide, else the original. */
        public Variant atLeast(int wanted) {
            for (int i = variants.size() - 1; i >= 0; i--) {
                if (variants.get(i).width() >= wanted) {
                    return variants.get(i);
                }
            }
            return new Variant(width, url);
        }
    }

    /** A rendition. */
    record Variant(int width, String url) {
    }

    /** The ids of the images of ours that the Markdown names, in order of appearance. */
    static Set<UUID> referencedIn(String markdown) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (markdown == null) {
            return ids;
        }
        Matcher matcher = MEDIA_URL.matcher(markdown);
        while (matcher.find()) {
            ids.add(UUID.fromString(matcher.group(1)));
        }
        return ids;
    }

    /** The cover's image id (if any) and the body's. */
    static Set<UUID> usedBy(FeatureImage cover, String markdown) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (cover != null) {
            ids.add(cover.mediaId());
        }
        ids.addAll(referencedIn(markdown));
        return ids.stream().collect(Collectors.toCollection(LinkedHashSet::new));
    }
}

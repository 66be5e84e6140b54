package io.realtimeblog.posts.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.jsoup.nodes.Element;

import io.realtimeblog.posts.PostImages;

/**
 * Gives the sanitised {@code <img>} elements that show an image of our media library ({@code /media/{id}/…}) their
 * {@code width} and {@code height} (so the page does not shift while they load), a {@code srcset} of every
 * rendition with {@code sizes}, and {@code loading="lazy"}. These are added after the sanitiser ran, from the
 * library's own data, so the author cannot set them (the safelist drops a {@code width} written in the Markdown's
 * HTML). Other images are left as they are.
 */
final class ResponsiveImages {

    /** The content column is at most about 48rem wide; on a narrower screen an image takes the whole width. */
    static final String SIZES = "(min-width: 50rem) 48rem, 100vw";

    private final PostImages images;

    ResponsiveImages(PostImages images) {
        this.images = images;
    }

    void enhance(Element body) {
        List<Element> ours = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Element img : body.getElementsByTag("img")) {
            Matcher src = PostImages.MEDIA_URL.matcher(img.attr("src"));
            if (src.matches()) {
                ours.add(img);
                ids.add(UUID.fromString(src.group(1)));
            }
        }
        if (ours.isEmpty()) {
            return;
        }
        Map<UUID, PostImages.Image> found = images.find(ids);
        for (int i = 0; i < ours.size(); i++) {
            PostImages.Image image = found.get(ids.get(i));
            if (image != null) {
                ours.get(i).attr("width", Integer.toString(image.width()))
                        .attr("height", Integer.toString(image.height()))
                        .attr("srcset", image.srcset())
                        .attr("sizes", SIZES)
                        .attr("loading", "lazy");
            }
        }
    }
}

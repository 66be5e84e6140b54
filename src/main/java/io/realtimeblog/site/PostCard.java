package io.realtimeblog.site;

import java.util.List;

/** A post as the templates show it: links and dates already made. */
record PostCard(String title, String url, String excerpt, String authorName, String authorUrl, List<TagLink> tags,
        String isoDate, String displayDate, String bodyHtml) {

    record TagLink(String name, String url) {
    }
}

package io.realtimeblog.posts.rendering;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * What post HTML may contain: jsoup's relaxed allow-list (text structure, tables, links, images; no scripts,
 * frames, forms, styles, ids or event handlers) plus strikethrough and rules, less the size and alignment
 * attributes (so nothing can be made wider than the content box). The one {@code class} allowed is the
 * fenced code block's {@code language-*} that the Markdown renderer writes, as a single token; every other class
 * is dropped, so content can never borrow a class of the admin's or the public site's style sheets (a
 * {@code fixed inset-0} overlay, a fake {@code live-bar}). Links get {@code rel="nofollow noopener noreferrer"}.
 */
final class PostSafelist extends Safelist {

    /** A fenced code block's language, as CommonMark writes it: one token, no spaces. */
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");

    /** A URL's scheme (RFC 3986): a letter, then letters, digits, plus, dot or hyphen, then a colon. */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");

    PostSafelist() {
        super(Safelist.relaxed()
                .addTags("del", "s", "hr")
                .addAttributes("code", "class")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
                // Sizes are the style sheet's to set: a width="9999" must not push past the content box.
                .removeAttributes("img", "width", "height", "align")
                .removeAttributes("table", "width")
                .removeAttributes("td", "width")
                .removeAttributes("th", "width")
                .removeAttributes("col", "width")
                .removeAttributes("colgroup", "width")
                .preserveRelativeLinks(true));
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
        if ("class".equalsIgnoreCase(attribute.getKey())) {
            return "code".equals(tagName) && LANGUAGE_CLASS.matcher(attribute.getValue()).matches();
        }
        if (URL_ATTRIBUTES.contains(attribute.getKey().toLowerCase(Locale.ROOT)) && hasOtherScheme(attribute.getValue())) {
            // Refused before jsoup resolves it: java.net.URL looks a handler up on the class path for every unknown
            // scheme, uncached (about a millisecond each; thousands of javascript: links took seconds).
            return false;
        }
        return super.isSafeAttribute(tagName, element, attribute);
    }

    /**
     * Whether the URL names a scheme other than the allowed ones, read as a browser does: ASCII whitespace and
     * control characters anywhere are ignored ({@code java\tscript:} is {@code javascript:}).
     */
    static boolean hasOtherScheme(String url) {
        StringBuilder compact = new StringBuilder(Math.min(url.length(), 64));
        for (int i = 0; i < url.length() && compact.length() < 64; i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7f) {
                compact.append(c);
            }
        }
        Matcher scheme = SCHEME.matcher(compact);
        return scheme.lookingAt() && !ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }
}

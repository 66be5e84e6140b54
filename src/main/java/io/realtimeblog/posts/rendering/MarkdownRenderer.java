package io.realtimeblog.posts.rendering;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.NodeTraversor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.realtimeblog.posts.PostImages;
import io.realtimeblog.web.ProblemTypes;

/**
 * Renders post Markdown (CommonMark with GitHub tables and strikethrough) to HTML that is safe to put in any
 * page: the output passes through jsoup's allow-list sanitiser ({@link PostSafelist}), which drops scripts,
 * frames, styles, ids, event-handler attributes, classes other than {@code language-*}, and links with schemes
 * other than http, https and mailto. Then fenced code blocks of a known language are coloured
 * ({@link CodeHighlighter}), which adds only its own {@code tok-*} classes to spans it makes. Thread-safe.
 * <p>
 * Nesting is bounded, and checked without recursion before anything recurses: the parser stops nesting blocks at
 * {@value #PARSER_BLOCK_BOUND}; a parsed document whose nodes nest deeper than
 * {@code blog.posts.markdown.max-nesting} is refused ({@code /problems/markdown-too-complex}) before the
 * (recursive) HTML renderer sees it; jsoup stops nesting at 512 elements, and sanitised HTML that nests deeper
 * than the limit (raw HTML in the Markdown) is refused too.
 * <p>
 * The parser's own inline nesting limit is off on purpose: it counts the siblings between every emphasis opener
 * and closer, which is quadratic on a long run of {@code *} followed by many {@code _*} (13 s for 100,000
 * characters with the limit on, about 1 s with it off); our depth check is linear. Links are checked for their
 * scheme before jsoup resolves them (see {@link PostSafelist}). So a body of the largest allowed size renders in
 * bounded time: about a second at worst on an idle machine (deeply nested images are the slowest shape).
 * <p>
 * After sanitising, images of our media library get their size and renditions ({@link ResponsiveImages}).
 */
@Component
public class MarkdownRenderer {

    /**
     * The version of the HTML {@link #render} makes. Raise it whenever the parser, the sanitiser or their settings
     * change: stored {@code bodyHtml} of an older version is then made again ({@link BodyHtmlRefresher}).
     * 1 is every row stored before versions were recorded; 3 colours code blocks; 4 sizes images of the media library.
     */
    public static final int VERSION = 4;

    /** The parser's own limit on open blocks; above {@code blog.posts.markdown.max-nesting}'s highest value. */
    static final int PARSER_BLOCK_BOUND = 101;

    /** Turns the parser's inline nesting limit off (see above): the value the library reads as "no limit". */
    private static final int NO_INLINE_LIMIT = Integer.MAX_VALUE;

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final String BASE_URI = "https://relative.invalid/";

    private final Parser parser = Parser.builder().extensions(EXTENSIONS)
            .maxOpenBlockParsers(PARSER_BLOCK_BOUND).maxInlineNesting(NO_INLINE_LIMIT).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();
    private final Cleaner cleaner = new Cleaner(new PostSafelist());
    private final int maxNesting;
    private final ResponsiveImages images;

    /** A renderer that knows no media library (Markdown images of ours stay plain {@code <img>}). */
    MarkdownRenderer(MarkdownProperties properties) {
        this(properties, ids -> Map.of());
    }

    @Autowired
    MarkdownRenderer(MarkdownProperties properties, PostImages images) {
        this.maxNesting = properties.maxNesting();
        this.images = new ResponsiveImages(images);
    }

    /** Sanitised HTML for the given Markdown; 400 {@code /problems/markdown-too-complex} if it nests too deep. */
    public String render(String markdown) {
        return tryRender(markdown).orElseThrow(() -> tooComplex(maxNesting));
    }

    /**
     * Sanitised HTML for stored Markdown that may predate the nesting limit: a body that nests too deep is shown
     * as its escaped source text instead of being refused.
     */
    String renderStored(String markdown) {
        return tryRender(markdown).orElseGet(() -> "<pre>" + Entities.escape(markdown) + "</pre>");
    }

    /** Sanitised HTML, or empty if the result would nest deeper than the limit. */
    Optional<String> tryRender(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        if (exceeds(document, maxNesting)) {
            return Optional.empty();
        }
        String html = renderer.render(document);
        Document parsed;
        try {
            parsed = Jsoup.parseBodyFragment(html, BASE_URI);
        } catch (IndexOutOfBoundsException e) {
            // jsoup 1.24.1's tree builder can fail on raw HTML that nests tables and lists to its 512-element depth
            // with formatting elements open (HostileMarkdown.PARSER_CRASH in the tests): too deep for a post anyway.
            return Optional.empty();
        }
        Document clean = cleaner.clean(parsed);
        if (depth(clean.body()) > maxNesting) {
            return Optional.empty();
        }
        CodeHighlighter.highlight(clean.body());
        images.enhance(clean.body());
        clean.outputSettings().prettyPrint(false);
        return Optional.of(clean.body().html());
    }

    /**
     * Whether nodes that have children nest more than {@code limit} deep below {@code root} (its children are at 1;
     * leaves such as text do not count, as they become no element). Iterative, and stops at the first too deep.
     */
    static boolean exceeds(Node root, int limit) {
        Node node = root.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (node.getFirstChild() != null) {
                if (depth > limit) {
                    return true;
                }
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        return false;
    }

    /** How deeply elements nest below {@code root} (its children are at 1); iterative, so never a deep stack. */
    static int depth(Element root) {
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element && depth > deepest[0]) {
                deepest[0] = depth;
            }
        }, root);
        return deepest[0];
    }

    /** 400 {@code /problems/markdown-too-complex}: the body nests deeper than the limit. */
    private static ErrorResponseException tooComplex(int maxNesting) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, "markdown-too-complex", "Markdown too complex", "The body nests deeper than "
                        + maxNesting + " levels (block quotes, lists, emphasis, links or HTML elements inside one "
                        + "another)."), null);
        e.getBody().setProperty("maxNesting", maxNesting);
        return e;
    }
}

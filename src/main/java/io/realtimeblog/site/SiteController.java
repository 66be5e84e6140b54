package io.realtimeblog.site;

import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import io.realtimeblog.posts.PublishedLink;
import io.realtimeblog.posts.PublishedPage;
import io.realtimeblog.posts.PublishedPost;
import io.realtimeblog.posts.PublishedPosts;

/**
 * The public, server-rendered pages: home, a post, tag and author archives. Only published posts exist here:
 * an unknown slug, a draft, a scheduled post, a tag without published posts and an author without any all get
 * the same HTML 404 page. Every page sends validators and answers 304 when the reader's copy is current; the
 * validator comes from one small query made before anything is rendered. A 404 of a list carries the
 * site-wide validators: it stays a 404 exactly as long as they do not change.
 */
@Hidden // pages and feeds for readers, not part of the staff API document
@Controller
class SiteController {

    private final PublishedPosts posts;
    private final SiteViews views;

    SiteController(PublishedPosts posts, SiteViews views) {
        this.posts = posts;
        this.views = views;
    }

    @GetMapping("/")
    ModelAndView home(@RequestParam(name = "page", required = false) String page, ServletWebRequest request) {
        return list(page, request, "/", null, null, index -> posts.page(index, views.site().pageSize()));
    }

    @GetMapping("/tags/{tag}")
    ModelAndView tag(@PathVariable String tag, @RequestParam(name = "page", required = false) String page,
            ServletWebRequest request) {
        return list(page, request, SiteViews.tagPath(tag), "Posts tagged “" + tag + "”",
                "Every post tagged " + tag + ".", index -> posts.byTag(tag, index, views.site().pageSize()));
    }

    @GetMapping("/authors/{id}")
    ModelAndView author(@PathVariable String id, @RequestParam(name = "page", required = false) String page,
            ServletWebRequest request) {
        Optional<UUID> authorId = uuid(id);
        if (authorId.isEmpty()) {
            return notFound(request);
        }
        IntFunction<PublishedPage> load = index -> posts.byAuthor(authorId.get(), index, views.site().pageSize());
        return list(page, request, SiteViews.authorPath(authorId.get()), null, null, load);
    }

    @GetMapping("/posts/{slug}")
    ModelAndView post(@PathVariable String slug, ServletWebRequest request) {
        Optional<PublishedLink> link = posts.linkBySlug(slug);
        if (link.isEmpty()) {
            return notFound(request);
        }
        if (SiteValidator.ofPost(link.get().version(), link.get().updatedAt()).notModified(request)) {
            return null;
        }
        Optional<PublishedPost> found = posts.bySlug(slug);
        if (found.isEmpty()) {
            return notFound(request); // unpublished between the two queries
        }
        PublishedPost post = found.get();
        PostCard card = views.card(post);
        return new ModelAndView("site/post")
                .addObject("meta", views.meta(post.title(), post.excerpt(), SiteViews.postPath(post.slug()), "article",
                        card.cover()))
                .addObject("post", card)
                .addObject("live", "post")
                .addObject("postId", post.id());
    }

    /**
     * A page of a list. {@code ?page=} counts from 1 (absent means 1); a page past the end, or a first page
     * of an archive with no posts, is a 404. The home page is never a 404: an empty blog says so.
     */
    private ModelAndView list(String pageParam, ServletWebRequest request, String path, String heading,
            String description, IntFunction<PublishedPage> load) {
        Optional<Integer> number = pageNumber(pageParam);
        if (number.isEmpty()) {
            return notFound(request);
        }
        if (SiteValidator.of(posts.state()).notModified(request)) {
            return null;
        }
        PublishedPage page = load.apply(number.get() - 1);
        boolean home = "/".equals(path);
        if (page.isEmpty() && !(home && number.get() == 1)) {
            return notFound(request);
        }
        String title = heading;
        if (!page.isEmpty() && path.startsWith("/authors/")) {
            title = "Posts by " + page.items().get(0).author().name();
            description = "Every post by " + page.items().get(0).author().name() + ".";
        }
        String canonical = number.get() == 1 ? path : path + "?page=" + number.get();
        String metaTitle = number.get() == 1 ? title : (title == null ? "" : title + ", ") + "page " + number.get();
        return new ModelAndView("site/list")
                .addObject("meta", views.meta(metaTitle, description, canonical, "website"))
                .addObject("heading", title == null ? views.site().title() : title)
                .addObject("posts", views.cards(page.items()))
                .addObject("newerUrl", page.hasNewer() ? pageUrl(path, number.get() - 1) : null)
                .addObject("olderUrl", page.hasOlder() ? pageUrl(path, number.get() + 1) : null)
                .addObject("live", home && number.get() == 1 ? "home" : null);
    }

    private ModelAndView notFound(ServletWebRequest request) {
        ModelAndView view = new ModelAndView("site/not-found", HttpStatus.NOT_FOUND);
        view.addObject("meta", views.meta("Not found", "There is nothing at this address.",
                request.getRequest().getRequestURI(), "website"));
        return view;
    }

    private static String pageUrl(String path, int number) {
        return number == 1 ? path : path + "?page=" + number;
    }

    private static Optional<Integer> pageNumber(String value) {
        if (value == null) {
            return Optional.of(1);
        }
        try {
            int number = Integer.parseInt(value);
            return number >= 1 && number <= 100_000 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

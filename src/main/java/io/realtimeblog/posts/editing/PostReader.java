package io.realtimeblog.posts.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostImages;
import io.realtimeblog.posts.PostPermissions;
import io.realtimeblog.posts.PostSnapshot;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.StaffDirectory;

/** The read side of posts: single posts, filtered pages and revisions, as the actor may see them. */
@Component
public class PostReader {

    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final StaffDirectory staff;

    PostReader(PostRepository posts, PostRevisionRepository revisions, StaffDirectory staff) {
        this.posts = posts;
        this.revisions = revisions;
        this.staff = staff;
    }

    /** The post, or 404 if it does not exist or the actor may not see it. */
    public Post loadVisible(Actor actor, UUID id) {
        Post post = posts.findById(id).orElseThrow(() -> PostProblems.notFound(id));
        if (!post.visibleTo(actor)) {
            throw PostProblems.notFound(id);
        }
        return post;
    }

    @Transactional(readOnly = true)
    public PostView get(Actor actor, UUID id) {
        return view(loadVisible(actor, id));
    }

    @Transactional(readOnly = true)
    public PostView view(UUID id) {
        return view(posts.findById(id).orElseThrow(() -> PostProblems.notFound(id)));
    }

    public PostView view(Post post) {
        return PostView.of(post, authorName(post));
    }

    /**
     * The post as changed by {@code editor}, whose name is as fresh as the request (read with the access token's
     * check): when the editor is the author, as on most saves, the author's name needs no query of its own.
     */
    PostView view(Post post, PersonRef editor) {
        return post.getAuthorId().equals(editor.id()) ? PostView.of(post, editor.name()) : view(post);
    }

    public PostSnapshot snapshot(Post post) {
        return new PostSnapshot(post.getId(), post.getTitle(), post.getSlug(), post.getExcerpt(), post.getStatus(),
                post.getTags(), new PersonRef(post.getAuthorId(), authorName(post)), post.getPublishedAt(),
                post.getScheduledAt(), post.getUpdatedAt(), post.getVersion(), post.getFeatureImage(),
                PostImages.usedBy(post.getFeatureImage(), post.getBody()));
    }

    @Transactional(readOnly = true)
    public PostPage list(Actor actor, PostQuery query) {
        Page<Post> page = posts.findAll(specification(actor, query),
                PageRequest.of(query.page(), query.size(), query.sort()));
        Set<UUID> authorIds = page.stream().map(Post::getAuthorId).collect(Collectors.toSet());
        Map<UUID, String> names = staff.displayNames(authorIds);
        List<PostSummary> items = page.stream()
                .map(post -> PostSummary.of(post, names.getOrDefault(post.getAuthorId(), "")))
                .toList();
        return new PostPage(items, query.page(), query.size(), page.getTotalElements(), page.getTotalPages());
    }

    /** The post's history as the actor may read it: revisions of draft states are left out for others. */
    @Transactional(readOnly = true)
    public List<RevisionSummary> revisions(Actor actor, UUID postId) {
        Post post = loadVisible(actor, postId);
        return revisions.findByPostIdOrderByPostVersionDesc(postId).stream()
                .filter(revision -> revision.readableBy(actor, post))
                .map(RevisionSummary::of).toList();
    }

    @Transactional(readOnly = true)
    public RevisionView revision(Actor actor, UUID postId, UUID revisionId) {
        return RevisionView.of(loadRevision(actor, loadVisible(actor, postId), revisionId));
    }

    /** The revision, or 404 if it does not exist or is a draft state the actor may not read. */
    PostRevision loadRevision(Actor actor, Post post, UUID revisionId) {
        return revisions.findByIdAndPostId(revisionId, post.getId())
                .filter(revision -> revision.readableBy(actor, post))
                .orElseThrow(() -> PostProblems.revisionNotFound(revisionId));
    }

    private String authorName(Post post) {
        return staff.displayName(post.getAuthorId()).orElse("");
    }

    private static Specification<Post> specification(Actor actor, PostQuery query) {
        List<Specification<Post>> parts = new ArrayList<>();
        if (!PostPermissions.seesEverything(actor)) {
            // PostPermissions.canSee as a query: the actor's own posts and the public ones.
            parts.add((root, q, cb) -> cb.or(cb.equal(root.get("authorId"), actor.id()),
                    cb.equal(root.get("status"), PostStatus.PUBLISHED)));
        }
        if (query.status() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        if (query.authorId() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("authorId"), query.authorId()));
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            String tag = query.tag().strip().toLowerCase(Locale.ROOT);
            parts.add((root, q, cb) -> cb.isMember(tag, root.<Set<String>>get("tags")));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            parts.add((root, q, cb) -> cb.or(
                    cb.like(cb.lower(root.get("title")), pattern, '\\'),
                    cb.like(cb.lower(root.get("excerpt")), pattern, '\\'),
                    cb.like(cb.lower(root.get("body")), pattern, '\\')));
        }
        return Specification.allOf(parts);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

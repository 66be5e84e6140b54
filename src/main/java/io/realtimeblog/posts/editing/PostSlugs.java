package io.realtimeblog.posts.editing;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.realtimeblog.posts.PostPermissions;
import io.realtimeblog.users.Actor;

/**
 * Chooses slugs without revealing posts the actor may not see. A post's slug is unique among the posts one user
 * may see (ADMIN and EDITOR: all; others: their own and published ones), so a slug held only by someone else's
 * draft or scheduled post is as free as an unused one: no answer and no generated suffix gives that post away.
 * A post's public URL is another matter: at publication the post takes its slug as its public slug if no other
 * published post has it, else the first free {@code slug-2}, {@code slug-3}, ... (the database keeps public
 * slugs unique).
 */
@Component
public class PostSlugs {

    /** Stands for "no post" where a query wants a post id to leave out. */
    private static final UUID NONE = new UUID(0, 0);

    private final PostRepository posts;

    PostSlugs(PostRepository posts) {
        this.posts = posts;
    }

    /**
     * The slug for a saved draft: the one asked for (409 if a post the actor may see has it), the existing post's
     * own, or one made from the title and free among the posts the actor may see.
     */
    String forDraft(Actor actor, PostDraft draft, Post existing) {
        if (draft.hasSlug() && existing != null && draft.slug().equals(existing.getSlug())) {
            return draft.slug(); // the post's own slug: nothing to check (clients send it back on every save)
        }
        if (draft.hasSlug()) {
            requireFree(actor, draft.slug(), existing == null ? NONE : existing.getId());
            return draft.slug();
        }
        if (existing != null) {
            return existing.getSlug();
        }
        String base = Slugs.fromTitle(draft.title());
        return Slugs.firstFree(base, posts.findVisibleSlugsLike(base, base + "-%",
                PostPermissions.seesEverything(actor), actor.id()));
    }

    /** 409 {@code slug-taken} if a post other than {@code postId} that the actor may see has the slug. */
    void requireFree(Actor actor, String slug, UUID postId) {
        if (posts.existsVisibleSlug(slug, postId, PostPermissions.seesEverything(actor), actor.id())) {
            throw PostProblems.slugTaken(slug);
        }
    }

    /** The slug the post is published at: its own, or the first free variant among published posts. */
    public String publicSlugFor(Post post) {
        return Slugs.firstFree(post.getSlug(), posts.findPublicSlugsLike(post.getSlug(), post.getSlug() + "-%",
                post.getId()));
    }
}

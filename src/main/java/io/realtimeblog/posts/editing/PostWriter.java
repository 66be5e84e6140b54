package io.realtimeblog.posts.editing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostChanged;
import io.realtimeblog.posts.PostSnapshot;
import io.realtimeblog.posts.editing.PostRevision.Action;
import io.realtimeblog.users.Actor;

/**
 * How every change of a post is written, for staff edits ({@link PostService}) and the scheduler alike: the post is
 * saved (and flushed, so the optimistic lock and the unique public slug are checked at once), a revision records
 * who changed what, and a {@link PostChanged} event carrying the post's new state is published in the same
 * transaction, so that the outbox commits it with the change.
 */
@Component
public class PostWriter {

    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final PostReader reader;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Duration autosaveWindow;

    PostWriter(PostRepository posts, PostRevisionRepository revisions, PostReader reader,
            ApplicationEventPublisher events, TransactionTemplate transactions, RevisionProperties revisionSettings) {
        this.posts = posts;
        this.revisions = revisions;
        this.reader = reader;
        this.events = events;
        this.transactions = transactions;
        this.autosaveWindow = revisionSettings.autosaveWindow();
    }

    /**
     * Loads the post (404 if the actor may not see it), checks the actor's permission (403), then the version
     * the client started from (409), and applies the change in one transaction. A concurrent commit that slips
     * in between (optimistic lock) gets the same stale-version answer.
     *
     * @param permission {@link #requireEdit} or {@link #requirePublish}
     */
    public PostView change(Actor actor, UUID id, long expectedVersion, BiConsumer<Actor, Post> permission,
            Function<Post, PostView> work) {
        try {
            return transactions.execute(status -> {
                Post post = reader.loadVisible(actor, id);
                permission.accept(actor, post);
                if (post.getVersion() != expectedVersion) {
                    throw PostProblems.stale(expectedVersion, reader.view(post));
                }
                return work.apply(post);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw PostProblems.stale(expectedVersion, reader.view(id));
        }
    }

    /**
     * Saves the changed post, records a revision of {@code action} by {@code editor}, and publishes the event
     * {@code event} makes of the post's new state. Runs in the caller's transaction.
     *
     * @return the post as the API returns it
     */
    public PostView write(Post post, Action action, List<String> changed, PersonRef editor, Instant now,
            Function<PostSnapshot, PostChanged> event) {
        posts.saveAndFlush(post);
        revisions.save(new PostRevision(post, action, changed, editor.id(), editor.name(), now));
        return published(post, editor, event);
    }

    /**
     * An autosave (the editor saved after a pause): the same save and event as {@link #write}, but autosaves do
     * not flood the history: one revision per author per {@code blog.posts.revisions.autosave-window}. The first
     * autosave after any other revision (or someone else's, or after the window) starts a revision; the following
     * ones update it to the latest version and content. Explicit saves always add a revision.
     */
    PostView autosave(Post post, List<String> changed, PersonRef editor, Instant now,
            Function<PostSnapshot, PostChanged> event) {
        posts.saveAndFlush(post);
        Optional<PostRevision> latest = revisions.findFirstByPostIdOrderByPostVersionDesc(post.getId())
                .filter(revision -> revision.takesAutosave(editor.id(), now, autosaveWindow));
        if (latest.isPresent()) {
            latest.get().absorb(post, changed, now);
        } else {
            revisions.save(PostRevision.autosave(post, changed, editor.id(), editor.name(), now));
        }
        return published(post, editor, event);
    }

    private PostView published(Post post, PersonRef editor, Function<PostSnapshot, PostChanged> event) {
        PostView view = reader.view(post, editor);
        events.publishEvent(event.apply(view.snapshot()));
        return view;
    }

    /** 403 unless the actor may edit the post's content. */
    public static void requireEdit(Actor actor, Post post) {
        if (!post.editableBy(actor)) {
            throw PostProblems.forbidden(actor.role() + " may not edit this post.");
        }
    }

    /** 403 unless the actor may publish, unpublish, schedule or delete the post. */
    public static void requirePublish(Actor actor, Post post) {
        if (!post.publishableBy(actor)) {
            throw PostProblems.forbidden(actor.role() + " may not publish, unpublish or delete this post.");
        }
    }

    /** The actor as revisions and events name them. */
    public static PersonRef person(Actor actor) {
        return new PersonRef(actor.id(), actor.name());
    }
}

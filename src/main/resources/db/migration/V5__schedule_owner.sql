-- Who scheduled a SCHEDULED post. When the post's time comes, the scheduler publishes it only if that user
-- still may (enabled, and their current role allows publishing this post); otherwise the schedule is marked
-- failed with the reason (see ScheduledPublisher). Cleared when the post is published or returned to draft.
ALTER TABLE posts ADD scheduled_by VARCHAR(36) NULL;
-- Posts scheduled before this column existed: the editor of their latest SCHEDULED revision scheduled them.
UPDATE posts SET scheduled_by = (
    SELECT r.editor_id FROM post_revisions r
    WHERE r.post_id = posts.id AND r.action = 'SCHEDULED' AND r.post_version = (
        SELECT MAX(s.post_version) FROM post_revisions s WHERE s.post_id = posts.id AND s.action = 'SCHEDULED'))
WHERE status = 'SCHEDULED';
-- Disabling or demoting a user looks up the schedules they made.
CREATE INDEX ix_posts_scheduled_by ON posts (scheduled_by);

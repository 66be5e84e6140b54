package io.realtimeblog.posts.scheduling;

import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.realtimeblog.users.UserDisabled;
import io.realtimeblog.users.UserRoleChanged;

/**
 * Flags the pending schedules of a staff member who lost the right to publish them: disabled (all of them) or
 * given a role that may not publish the post (a demoted AUTHOR's own posts, a former EDITOR's schedules of other
 * people's posts). Flagged means marked failed with the reason, as {@link ScheduleService#publishScheduled} would at
 * the scheduled time; the post stays SCHEDULED and unpublished until staff act. Runs inside the transaction that
 * changes the account.
 */
@Component
class SchedulesOfChangedStaff {

    private final ScheduleService service;

    SchedulesOfChangedStaff(ScheduleService service) {
        this.service = service;
    }

    @EventListener
    void on(UserDisabled event) {
        service.flagSchedulesOf(event.userId(), Optional.empty());
    }

    @EventListener
    void on(UserRoleChanged event) {
        service.flagSchedulesOf(event.user().id(), Optional.of(event.user()));
    }
}

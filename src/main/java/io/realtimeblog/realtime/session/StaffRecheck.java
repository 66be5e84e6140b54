package io.realtimeblog.realtime.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.realtimeblog.auth.AccessTokenVerifier;
import io.realtimeblog.realtime.CloseCodes;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.StaffDirectory;

/**
 * Every few seconds, checks this instance's staff sockets against the users' current records, so that an access
 * token issued before a change does not outlive it on an open socket: a user who was disabled or deleted is
 * closed with 4001 (log in again); a user whose role changed is closed with 4004, so that the client refreshes
 * its token and comes back with the audience of its new role; a socket whose token was revoked since (a logout, a
 * password change that ended its session) is closed with 4001. REST checks the user on every request already;
 * every instance checks its own sockets, so this holds across instances. One query per round; the revocations are
 * read from the in-memory deny list, so a logout on another instance closes the socket within this interval plus
 * {@code blog.auth.revocation-refresh-interval}.
 */
@Component
class StaffRecheck implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StaffRecheck.class);

    private final RealtimeSessions sessions;
    private final StaffDirectory staff;
    private final AccessTokenVerifier tokens;
    private final Duration interval;

    StaffRecheck(RealtimeSessions sessions, StaffDirectory staff, AccessTokenVerifier tokens,
            RealtimeProperties properties) {
        this.sessions = sessions;
        this.staff = staff;
        this.tokens = tokens;
        this.interval = properties.staffRecheckInterval();
    }

    /** Every {@code blog.realtime.staff-recheck-interval}, on Spring's scheduler thread. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::recheck, interval, interval));
    }

    void recheck() {
        List<ClientSession> open = sessions.all().stream()
                .filter(session -> session.state() == ClientSession.State.ACTIVE && session.actor() != null)
                .toList();
        if (open.isEmpty()) {
            return;
        }
        Map<UUID, Actor> current = staff.activeActors(open.stream().map(s -> s.actor().id()).distinct().toList());
        for (ClientSession session : open) {
            Actor known = session.actor();
            Actor now = current.get(known.id());
            if (now == null) {
                log.info("Closing a socket of user {}: disabled or deleted", known.id());
                session.closeAfterCurrentWrite(CloseCodes.UNAUTHORIZED);
            } else if (session.token() != null && tokens.isRevoked(session.token())) {
                log.info("Closing a socket of user {}: its token was revoked (logout)", known.id());
                session.closeAfterCurrentWrite(CloseCodes.UNAUTHORIZED);
            } else if (!Objects.equals(now.role(), known.role())) {
                session.closeAfterCurrentWrite(CloseCodes.REAUTHENTICATE);
            }
        }
    }
}

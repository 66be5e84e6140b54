package io.realtimeblog.users;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creating and changing them, and checking a password at login. Disabling an account publishes
 * {@link UserDisabled}, changing its role {@link UserRoleChanged}, each in the same transaction.
 */
@Service
public class UserService {

    private final UserRepository users;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final PasswordGuessLimit guesses;
    private final Clock clock;

    UserService(UserRepository users, Passwords passwords, PasswordPolicy policy, ApplicationEventPublisher events,
            PasswordGuessLimit guesses) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
        this.guesses = guesses;
        this.clock = Clock.systemUTC();
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        return users.findAllByOrderByCreatedAtAsc().stream().map(User::toStaffMember).toList();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> find(UUID id) {
        return users.findById(id).map(User::toStaffMember);
    }

    /** The account, if it exists and is enabled. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> findActive(UUID id) {
        return users.findById(id).filter(User::isEnabled).map(User::toStaffMember);
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return users.count() > 0;
    }

    /**
     * Creates an enabled account. The unique e-mail constraint decides between concurrent creators.
     *
     * @throws org.springframework.web.ErrorResponseException with 409 {@code /problems/email-taken}, or 400
     *         {@code /problems/weak-password} when the password does not meet the {@link PasswordPolicy}
     */
    @Transactional
    public StaffMember create(String email, String displayName, String rawPassword, Role role) {
        requireStrong("password", rawPassword);
        String normalized = User.normalizeEmail(email);
        if (users.existsByEmail(normalized)) {
            throw UserProblems.emailTaken();
        }
        User user = new User(normalized, displayName, passwords.hash(rawPassword), role, clock.instant());
        try {
            return users.saveAndFlush(user).toStaffMember();
        } catch (DataIntegrityViolationException e) {
            throw UserProblems.emailTaken();
        }
    }

    /**
     * Applies the given changes; {@code null} fields stay as they are. An actor cannot disable or demote themself.
     */
    @Transactional
    public StaffMember update(Actor actor, UUID id, StaffChanges changes) {
        User user = users.findById(id).orElseThrow(UserProblems::notFound);
        boolean self = actor.id().equals(id);
        boolean changesRole = changes.role() != null && changes.role() != user.getRole();
        boolean disables = Boolean.FALSE.equals(changes.enabled()) && user.isEnabled();
        if (self && (disables || (changesRole && user.getRole() == Role.ADMIN))) {
            throw UserProblems.ownAccount();
        }
        if (changes.displayName() != null && !changes.displayName().strip().equals(user.getDisplayName())) {
            user.rename(changes.displayName(), clock.instant());
        }
        if (changesRole) {
            Role previous = user.getRole();
            user.changeRole(changes.role(), clock.instant());
            events.publishEvent(new UserRoleChanged(new Actor(id, user.getDisplayName(), changes.role()), previous));
        }
        if (changes.enabled() != null && changes.enabled() != user.isEnabled()) {
            user.setEnabled(changes.enabled(), clock.instant());
            if (disables) {
                events.publishEvent(new UserDisabled(id));
            }
        }
        return users.saveAndFlush(user).toStaffMember();
    }

    /**
     * The user changes their own password, proving they know the current one. Their other sessions end
     * ({@link PasswordChanged}); a one-time password set by an administrator stops being required.
     *
     * Wrong current passwords count against the same limits as failed logins ({@link PasswordGuessLimit}).
     *
     * @param client the caller's address, for the guess limit
     * @throws org.springframework.web.ErrorResponseException 400 {@code /problems/wrong-current-password} or
     *         {@code /problems/weak-password} (also when the new password is the current one); 429
     *         {@code /problems/too-many-password-attempts} while the account is locked or slowed down for this client
     */
    @Transactional
    public void changeOwnPassword(UUID id, String currentPassword, String newPassword, String client) {
        User user = users.findById(id).orElseThrow(UserProblems::notFound);
        guesses.check(user.getEmail(), client);
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            guesses.failed(user.getEmail(), client);
            throw UserProblems.wrongCurrentPassword();
        }
        guesses.succeeded(user.getEmail(), client);
        requireStrong("newPassword", newPassword);
        if (passwords.matches(newPassword, user.getPasswordHash())) {
            throw UserProblems.weakPassword("newPassword", "must differ from the current password");
        }
        user.changePassword(passwords.hash(newPassword), clock.instant());
        users.saveAndFlush(user);
        events.publishEvent(new PasswordChanged(id, false));
    }

    /**
     * An administrator resets someone else's password: a generated one-time password replaces it, every session of
     * the user ends, and the user must choose a new password at their next login.
     *
     * @return the one-time password, to be handed to the user; it is not stored anywhere in clear
     */
    @Transactional
    public String resetPassword(Actor admin, UUID id) {
        User user = users.findById(id).orElseThrow(UserProblems::notFound);
        if (admin.id().equals(id)) {
            throw UserProblems.ownPasswordReset();
        }
        String temporary = Passwords.generate();
        user.resetPassword(passwords.hash(temporary), clock.instant());
        users.saveAndFlush(user);
        events.publishEvent(new PasswordChanged(id, true));
        return temporary;
    }

    private void requireStrong(String field, String rawPassword) {
        policy.problemWith(rawPassword).ifPresent(reason -> {
            throw UserProblems.weakPassword(field, reason);
        });
    }

    /**
     * The enabled account with this e-mail address and password. A missing account, a wrong password and a
     * disabled account all give an empty result, and take about the same time.
     */
    @Transactional(readOnly = true)
    public Optional<StaffMember> authenticate(String email, String rawPassword) {
        Optional<User> user = users.findByEmail(User.normalizeEmail(email));
        if (user.isEmpty()) {
            passwords.spendTimeAsIfChecking(rawPassword);
            return Optional.empty();
        }
        boolean matches = passwords.matches(rawPassword, user.get().getPasswordHash());
        return matches && user.get().isEnabled() ? Optional.of(user.get().toStaffMember()) : Optional.empty();
    }
}

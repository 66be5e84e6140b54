package io.realtimeblog.users;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts over REST. Managing accounts is for administrators; anyone signed in may read their own. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<StaffMember> list() {
        return users.list();
    }

    @GetMapping("/me")
    StaffMember me(@AuthenticationPrincipal Actor actor) {
        return users.find(actor.id()).orElseThrow(UserProblems::notFound);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    StaffMember get(@PathVariable UUID id) {
        return users.find(id).orElseThrow(UserProblems::notFound);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StaffMember> create(@Valid @RequestBody NewUserRequest request) {
        StaffMember created = users.create(request.email(), request.displayName(), request.password(),
                request.role());
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    StaffMember update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @Valid @RequestBody UserChangesRequest request) {
        return users.update(actor, id, new StaffChanges(request.displayName(), request.role(), request.enabled()));
    }

    /** Changes the caller's own password; their other sessions end. */
    @PostMapping("/me/password")
    ResponseEntity<Void> changeOwnPassword(@AuthenticationPrincipal Actor actor,
            @Valid @RequestBody PasswordChangeRequest request, HttpServletRequest http) {
        users.changeOwnPassword(actor.id(), request.currentPassword(), request.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** Sets a one-time password, shown in this answer only; the user must change it at their next login. */
    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PasswordResetResponse> resetPassword(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        String temporary = users.resetPassword(actor, id);
        StaffMember user = users.find(id).orElseThrow(UserProblems::notFound);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new PasswordResetResponse(temporary, user));
    }

    record PasswordChangeRequest(
            @NotNull @Size(max = 1000) String currentPassword,
            @NotNull @Size(max = 1000) String newPassword) {
    }

    record PasswordResetResponse(String temporaryPassword, StaffMember user) {
    }

    record NewUserRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES) String password,
            @NotNull Role role) {
    }

    record UserChangesRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
            Role role,
            Boolean enabled) {
    }
}

/**
 * The data folder ({@code blog.data-dir}, default {@code ./data}) is private to the user that runs the application:
 * the H2 database (password hashes, drafts), the embedded broker's log (every event, drafts' titles included) and the
 * generated secrets are readable by no one else.
 *
 * <p>On every start, before any other bean touches the folder, {@link io.realtimeblog.datafolder.DataFolderGuard}
 * creates it when missing and makes it and everything below it owner-only: folders {@code 0700}, files {@code 0600},
 * existing ones included. Files that H2 and Kafka create later (new segments, trace files) get the process umask,
 * typically {@code 0644}, but sit in {@code 0700} folders that no other user can enter; the next start tightens them
 * too.
 *
 * <p>API for other modules: {@link io.realtimeblog.datafolder.OwnerOnly} (create folders and files that only the
 * owner can read).
 */
package io.realtimeblog.datafolder;

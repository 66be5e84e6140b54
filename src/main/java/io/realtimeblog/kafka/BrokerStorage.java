package io.realtimeblog.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.realtimeblog.datafolder.OwnerOnly;

/**
 * The embedded broker's folder, owner-only like the whole data folder: {@code broker.lock} (held while a broker uses
 * the folder, so only one process can), {@code client.properties} (the broker's login, see {@link BrokerCredentials})
 * and {@code logs/} (Kafka's log and metadata directory, formatted once).
 */
final class BrokerStorage {

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

    private final Path root;

    BrokerStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path logDir() {
        return root.resolve("logs");
    }

    /** Locks the folder for this broker, or fails with a message that says what to do. */
    FileLock lock() {
        FileChannel channel = null;
        try {
            OwnerOnly.createDirectories(root);
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel = OwnerOnly.isPosix(root.getFileSystem())
                    ? FileChannel.open(root.resolve("broker.lock"), options, OwnerOnly.fileAttribute())
                    : FileChannel.open(root.resolve("broker.lock"), options);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                // the folder may lie outside the data folder (blog.kafka.embedded.data-dir): keep it private too
                OwnerOnly.restrictTree(root);
                return lock;
            }
        } catch (OverlappingFileLockException alreadyLockedInThisJvm) {
            // same answer as a lock held by another process
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot open the Kafka data folder " + root, e);
        }
        closeQuietly(channel);
        throw new IllegalStateException("The Kafka data folder " + root + " is in use by another running instance. "
                + "Stop that instance, or give this one its own data folder with BLOG_DATA_DIR "
                + "(or blog.kafka.embedded.data-dir).");
    }

    static void release(FileLock lock) {
        if (lock != null) {
            closeQuietly(lock.channel());
        }
    }

    /**
     * Formats the storage if it was never formatted, with the broker's login as its SCRAM user (the login is saved
     * first, so a folder is never formatted with a login that is then lost); returns the cluster id either way.
     */
    String formatIfNeeded(int nodeId, BrokerCredentials credentials) {
        String logDir = logDir().toString();
        if (Files.exists(logDir().resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return existingClusterId(logDir);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            credentials.save();
            OwnerOnly.createDirectories(logDir());
            new Formatter()
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setScramArguments(List.of(credentials.formatterScramArgument()))
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data folder " + logDir, e);
        }
        log.info("Formatted the Kafka data folder {} (cluster id {}): {}", logDir, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
        return clusterId;
    }

    private static String existingClusterId(String logDir) {
        try {
            return new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(logDir)).load().clusterId()
                    .orElseThrow(() -> new IllegalStateException("No cluster id in " + logDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka metadata in " + logDir, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}

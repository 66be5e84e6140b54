package io.realtimeblog.media.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default store: bytes in the {@code media_blobs} table of the application's database, so every instance behind
 * a load balancer sees every image with nothing else installed. An object is one or more rows of at most
 * {@value #CHUNK} bytes (no statement outgrows MariaDB's {@code max_allowed_packet}); a put replaces all of a key's
 * rows in one transaction and a get reads them in one statement, so a reader sees the old object or the new one,
 * never a mix. Two puts of one key at once (never done by the media module, whose keys are new random ids) may
 * collide in the database; the loser retries.
 */
@Component
@ConditionalOnProperty(name = "blog.media.storage", havingValue = "database", matchIfMissing = true)
class DatabaseMediaStore implements MediaStore {

    static final int CHUNK = 1024 * 1024;
    private static final int ATTEMPTS = 8;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DatabaseMediaStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // READ COMMITTED: InnoDB's default REPEATABLE READ gap-locks the range a DELETE looked at, and concurrent
        // puts of different new keys then deadlock on their INSERTs (MariaDB did, in the contract test).
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        MediaKeys.requireValid(key);
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> replace(key, bytes, contentType));
                return;
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw new MediaStoreException("Could not store " + key + " in the database", e);
                }
                pause(attempt);
            } catch (DataAccessException e) {
                throw new MediaStoreException("Could not store " + key + " in the database", e);
            }
        }
    }

    /** A short random pause before the next attempt, longer each time, so colliding writers fall apart. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaStoreException("Interrupted while storing", e);
        }
    }

    private void replace(String key, byte[] bytes, String contentType) {
        // A new key (every upload's) deletes nothing and so takes no lock beyond its own rows.
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM media_blobs WHERE storage_key = ?",
                Integer.class, key);
        if (existing != null && existing > 0) {
            jdbc.update("DELETE FROM media_blobs WHERE storage_key = ?", key);
        }
        int chunk = 0;
        int offset = 0;
        do {
            int end = Math.min(bytes.length, offset + CHUNK);
            jdbc.update("INSERT INTO media_blobs (storage_key, chunk, content_type, content) VALUES (?, ?, ?, ?)",
                    key, chunk++, contentType, Arrays.copyOfRange(bytes, offset, end));
            offset = end;
        } while (offset < bytes.length);
    }

    @Override
    public Optional<byte[]> get(String key) {
        MediaKeys.requireValid(key);
        try {
            List<byte[]> chunks = jdbc.query("SELECT content FROM media_blobs WHERE storage_key = ? ORDER BY chunk",
                    (rs, row) -> rs.getBytes(1), key);
            if (chunks.isEmpty()) {
                return Optional.empty();
            }
            if (chunks.size() == 1) {
                return Optional.of(chunks.get(0));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.size() * CHUNK);
            chunks.forEach(out::writeBytes);
            return Optional.of(out.toByteArray());
        } catch (DataAccessException e) {
            throw new MediaStoreException("Could not read " + key + " from the database", e);
        }
    }

    @Override
    public void delete(String key) {
        MediaKeys.requireValid(key);
        try {
            jdbc.update("DELETE FROM media_blobs WHERE storage_key = ?", key);
        } catch (DataAccessException e) {
            throw new MediaStoreException("Could not delete " + key + " from the database", e);
        }
    }
}

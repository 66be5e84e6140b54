package io.realtimeblog.media.storage;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.realtimeblog.IntegrationTest;

/**
 * The default database store against the contract, on H2, MariaDB and PostgreSQL (their binary types differ:
 * BLOB, LONGBLOB, BYTEA; MariaDB's 16 MiB packet limit is why objects are chunked).
 */
@IntegrationTest
class DatabaseMediaStoreTests extends MediaStoreContract {

    @Autowired
    MediaStore store;

    @Autowired
    JdbcTemplate jdbc;

    /** The contract counts the store's keys, so each test starts from an empty table. */
    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM media_blobs");
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Override
    List<String> storedKeys() {
        return jdbc.queryForList("SELECT DISTINCT storage_key FROM media_blobs", String.class);
    }
}

package io.realtimeblog;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the calling thread only, so that a test can count what one
 * request costs while the scheduler, the deny-list refresh and other background work run beside it.
 * <p>
 * Hibernate's own {@code Statistics} are global to the session factory: a background statement that happens to
 * fall inside the measured window is counted too (MariaDB CI once saw 3 for a page that takes 2). MockMvc runs
 * the request on the test thread, so a thread-local count is exactly the request's. Installed for every test
 * context by {@code application-test.yml}; it inspects nothing, only counts.
 */
public final class StatementsOnThisThread implements StatementInspector {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
    }

    /** Starts counting from zero on this thread. */
    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** The statements prepared on this thread since {@link #reset()}. */
    public static long count() {
        return COUNT.get()[0];
    }
}

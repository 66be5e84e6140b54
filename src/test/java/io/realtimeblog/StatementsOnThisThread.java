package io.realtimeblog;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the calling thread only, so that a test can count what one
 * request costs while the scheduler, the deny-list refresh and other background work run beside it.
 * <p>
 * Hibernate's own {@code Statistics} are global to the session factory: a background statement that happens to
 * fall inside the measured window is counted too (MariaDB CI once saw 3 for a page that takes 2). MockMvc runs
 * the request on the test thread, so a thread-local count is exactly the request's. Installed for every test
 * context by {@code application-test.yml}; it changes nothing, only counts and remembers the SQL.
 */
public final class StatementsOnThisThread implements StatementInspector {

    private static final ThreadLocal<List<String>> PREPARED = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public String inspect(String sql) {
        PREPARED.get().add(sql);
        return sql;
    }

    /** Starts counting from zero on this thread. */
    public static void reset() {
        PREPARED.get().clear();
    }

    /** The statements prepared on this thread since {@link #reset()}. */
    public static long count() {
        return PREPARED.get().size();
    }

    /** The SQL of the statements prepared on this thread since {@link #reset()}, in order. */
    public static List<String> statements() {
        return List.copyOf(PREPARED.get());
    }
}

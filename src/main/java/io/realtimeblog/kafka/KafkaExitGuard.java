package io.realtimeblog.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's fatal-error paths call {@link Exit#halt} or {@link Exit#exit}, which would end the whole application.
 * With the guard installed they log, stop the embedded broker(s) instead, and throw to end the failing path; the
 * application keeps running (writes go on into the outbox) and the broker can be started again.
 */
final class KafkaExitGuard {

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static final Set<EmbeddedKafkaBroker> brokers = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private KafkaExitGuard() {
    }

    static synchronized void register(EmbeddedKafkaBroker broker) {
        if (!installed) {
            Exit.setHaltProcedure((status, message) -> intercept("halt", status, message));
            Exit.setExitProcedure((status, message) -> intercept("exit", status, message));
            installed = true;
        }
        brokers.add(broker);
    }

    static void unregister(EmbeddedKafkaBroker broker) {
        brokers.remove(broker);
    }

    private static void intercept(String action, int status, String message) {
        log.error("Kafka asked to {} the JVM (status {}{}); stopping the embedded Kafka broker instead, "
                + "the application keeps running", action, status, message == null ? "" : ": " + message);
        brokers.forEach(EmbeddedKafkaBroker::failInBackground);
        throw new IllegalStateException("Kafka " + action + " (status " + status + ") intercepted: " + message);
    }
}

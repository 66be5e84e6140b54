package io.realtimeblog.outbox;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** A name for this running instance that no other instance shares, for the relay lease. */
final class InstanceName {

    private static final String NAME = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private InstanceName() {
    }

    static String get() {
        return NAME.length() > 100 ? NAME.substring(NAME.length() - 100) : NAME;
    }
}

package io.realtimeblog.kafka;

import java.util.Properties;

/**
 * The embedded broker's Kafka configuration: one node, loopback only, every connection authenticated, sized for a
 * small machine.
 */
final class BrokerConfig {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";

    private BrokerConfig() {
    }

    /** Clients (and the broker itself, as its own inter-broker peer) connect here. */
    static final String CLIENT_LISTENER = "CLIENT";

    static Properties properties(String logDir, int port, int controllerPort, BrokerCredentials credentials,
            boolean plainForClients) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", BrokerStorage.CONTROLLER_LISTENER);
        props.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + port + ","
                + BrokerStorage.CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + port);
        // Both listeners authenticate: any local process can open a loopback port.
        props.put("listener.security.protocol.map", CLIENT_LISTENER + ":" + BrokerCredentials.SECURITY_PROTOCOL + ","
                + BrokerStorage.CONTROLLER_LISTENER + ":" + BrokerCredentials.SECURITY_PROTOCOL);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        credentials.addBrokerProperties(props, CLIENT_LISTENER, BrokerStorage.CONTROLLER_LISTENER, plainForClients);
        props.put("log.dirs", logDir);
        props.put("metadata.log.dir", logDir);
        // One node: every internal topic has one replica, and one partition is plenty.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        // Fast first group join, 16 MiB instead of 128 MiB of heap for the log cleaner, quick restart after a crash.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", "16777216");
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "1000");
        return props;
    }
}

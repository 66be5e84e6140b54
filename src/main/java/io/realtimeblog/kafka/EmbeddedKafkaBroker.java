package io.realtimeblog.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside this JVM, listening on 127.0.0.1
 * only, with its data in a folder that survives restarts. Every connection authenticates (SASL/SCRAM-SHA-512 for
 * clients, with a login generated on first start and saved owner-only in {@link #credentialsFile()}), so another
 * local process can neither produce nor consume. The default mode's broker is a Spring bean of this type;
 * tests may {@link #stop()} and {@link #start()} it to simulate an outage: a restart keeps the same ports, folder
 * and cluster id, so clients reconnect by themselves.
 */
public class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final BrokerStorage storage;
    private int port;
    private int controllerPort;
    private String clusterId;
    private FileLock lock;
    private BrokerCredentials credentials;
    private KafkaRaftServer server;

    /**
     * @param dataDir the broker's folder (created when missing, formatted on first start)
     * @param port client port on 127.0.0.1, or 0 for a free one chosen at first start
     * @param controllerPort KRaft controller port on 127.0.0.1, or 0 for a free one chosen at first start
     */
    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort) {
        this.storage = new BrokerStorage(dataDir);
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts the broker and returns once it accepts clients; does nothing if it is running.
     *
     * @throws IllegalStateException if another instance uses the folder, a port is taken, or Kafka fails to start
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        lock = storage.lock();
        try {
            choosePorts();
            credentials = BrokerCredentials.in(storage.root());
            clusterId = storage.formatIfNeeded(BrokerConfig.NODE_ID, credentials);
            KafkaExitGuard.register(this);
            if (!credentials.saved()) {
                addLoginToAnEarlierFolder();
            }
            server = launch(false);
        } catch (RuntimeException e) {
            KafkaExitGuard.unregister(this);
            BrokerStorage.release(lock);
            lock = null;
            throw e;
        }
        log.info("Embedded Kafka broker started on {} in {} ms (cluster id {})", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, clusterId);
    }

    /**
     * A folder formatted by an earlier version has no SCRAM user. One extra start that also accepts PLAIN (a user
     * fixed in the configuration) adds it; then the login is saved and the broker starts as usual.
     */
    private void addLoginToAnEarlierFolder() {
        KafkaRaftServer once = launch(true);
        try {
            credentials.register(bootstrapServers());
        } finally {
            shutDown(once);
        }
        credentials.save();
        log.info("The embedded Kafka broker's data folder had no login; added one, saved in {}", credentials.file());
    }

    private KafkaRaftServer launch(boolean plainForClients) {
        Properties props = BrokerConfig.properties(storage.logDir().toString(), port, controllerPort, credentials,
                plainForClients);
        KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            candidate.startup();
            return candidate;
        } catch (RuntimeException e) {
            shutDown(candidate);
            throw new IllegalStateException("The embedded Kafka broker failed to start (data in " + storage.root()
                    + ")", e);
        }
    }

    /** Stops the broker, waits until it has, and releases its folder; does nothing if it is not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaExitGuard.unregister(this);
        try {
            shutDown(server);
        } finally {
            server = null;
            BrokerStorage.release(lock);
            lock = null;
        }
        log.info("Embedded Kafka broker on {} stopped", bootstrapServers());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; the port is final once the broker has started for the first time. */
    public synchronized String bootstrapServers() {
        return BrokerConfig.HOST + ":" + port;
    }

    /**
     * What a Kafka client of this broker needs besides {@code bootstrap.servers}: {@code security.protocol},
     * {@code sasl.mechanism} and {@code sasl.jaas.config} with the broker's login ({@code null} before the first
     * start). The same settings are saved in {@link #credentialsFile()}.
     */
    public synchronized Map<String, String> clientProperties() {
        return credentials == null ? null : credentials.clientProperties();
    }

    /** {@code client.properties} in the broker's folder: its login, owner-only, for Kafka's tools. */
    public Path credentialsFile() {
        return credentialsFileIn(storage.root());
    }

    /** Where an embedded broker with this folder saves its login. */
    public static Path credentialsFileIn(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(BrokerCredentials.FILE_NAME);
    }

    /**
     * The client settings an embedded broker saved in its folder ({@link #clientProperties()}), for processes that
     * connect to a broker another process runs; empty when the folder has none.
     */
    public static Map<String, String> savedClientProperties(Path dataDir) {
        return BrokerCredentials.clientPropertiesIn(dataDir.toAbsolutePath().normalize());
    }

    /** The client port (0 until the first start if configured as 0). */
    public synchronized int port() {
        return port;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    /** The cluster id written when the folder was formatted ({@code null} before the first start). */
    public synchronized String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return storage.root();
    }

    /** Called when Kafka hits a fatal error: stop without blocking the Kafka thread that reported it. */
    void failInBackground() {
        Thread stopper = new Thread(this::stop, "embedded-kafka-failure");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void choosePorts() {
        port = port == 0 ? freePort() : requireFree(port, "blog.kafka.embedded.port");
        controllerPort = controllerPort == 0 ? freePort()
                : requireFree(controllerPort, "blog.kafka.embedded.controller-port");
    }

    private static void shutDown(KafkaRaftServer server) {
        try {
            server.shutdown();
        } finally {
            server.awaitShutdown();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BrokerConfig.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + BrokerConfig.HOST, e);
        }
    }

    private static int requireFree(int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerConfig.HOST), port), 1);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + BrokerConfig.HOST + " is in use, so the "
                    + "embedded Kafka broker cannot listen on it. Stop what uses it, or set " + property + " ("
                    + property.toUpperCase().replace("-", "").replace('.', '_')
                    + ") to another port (0 picks a free one).", e);
        }
    }
}

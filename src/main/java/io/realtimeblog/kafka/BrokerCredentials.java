package io.realtimeblog.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;

import io.realtimeblog.datafolder.OwnerOnly;

/**
 * The embedded broker's one login, generated on first start and kept owner-only in {@code client.properties} in
 * the broker's folder, in the form Kafka's own tools read ({@code --command-config}, {@code --consumer.config}).
 * Clients authenticate with SASL/SCRAM-SHA-512 as user {@value #USER}; the broker talks to its own KRaft controller
 * with SASL/PLAIN and the same password, so no other local process can use either port.
 */
final class BrokerCredentials {

    static final String USER = "blog";
    static final String FILE_NAME = "client.properties";
    static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    static final String CLIENT_MECHANISM = "SCRAM-SHA-512";
    static final String CONTROLLER_MECHANISM = "PLAIN";

    private static final int SCRAM_ITERATIONS = 4096;
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final Path file;
    private final String password;
    private boolean saved;

    private BrokerCredentials(Path file, String password, boolean saved) {
        this.file = file;
        this.password = password;
        this.saved = saved;
    }

    /** The credentials in {@code folder}, or new ones (not yet saved) when it has none. */
    static BrokerCredentials in(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        return Files.exists(file) ? new BrokerCredentials(file, passwordIn(read(file), file), true)
                : new BrokerCredentials(file, newPassword(), false);
    }

    /** The client settings saved in {@code folder}, or an empty map when it has none. */
    static Map<String, String> clientPropertiesIn(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, String> settings = new TreeMap<>();
        read(file).forEach((key, value) -> settings.put((String) key, (String) value));
        return settings;
    }

    Path file() {
        return file;
    }

    boolean saved() {
        return saved;
    }

    /** Writes the file (owner-only); does nothing if it exists. */
    void save() {
        if (!saved) {
            OwnerOnly.createFile(file, """
                    # The embedded Kafka broker's login, generated on first start (keep it private). For Kafka's tools:
                    #   kafka-console-consumer.sh --bootstrap-server <address> --consumer.config %s --topic blog-events
                    """.formatted(file) + lines(clientProperties()));
            saved = true;
        }
    }

    /** What a Kafka client needs besides {@code bootstrap.servers}. */
    Map<String, String> clientProperties() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL,
                SaslConfigs.SASL_MECHANISM, CLIENT_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(SCRAM_LOGIN, ""));
    }

    /**
     * The broker's side: SCRAM on the client listener, PLAIN (a user fixed in the configuration, so it needs nothing
     * from the metadata) for the controller. {@code plainForClients} also accepts PLAIN on the client listener, for
     * the one start that adds the SCRAM user to a folder that has none ({@link #register}).
     */
    void addBrokerProperties(Properties props, String clientListener, String controllerListener,
            boolean plainForClients) {
        String client = "listener.name." + clientListener.toLowerCase() + ".";
        String controller = "listener.name." + controllerListener.toLowerCase() + ".";
        String plainUser = jaas(PLAIN_LOGIN, " user_" + USER + "=\"" + password + "\"");
        props.put(client + "sasl.enabled.mechanisms",
                plainForClients ? CLIENT_MECHANISM + "," + CONTROLLER_MECHANISM : CLIENT_MECHANISM);
        props.put(client + CLIENT_MECHANISM.toLowerCase() + ".sasl.jaas.config", jaas(SCRAM_LOGIN, ""));
        if (plainForClients) {
            props.put(client + "plain.sasl.jaas.config", plainUser);
        }
        props.put("sasl.mechanism.inter.broker.protocol", plainForClients ? CONTROLLER_MECHANISM : CLIENT_MECHANISM);
        props.put("sasl.mechanism.controller.protocol", CONTROLLER_MECHANISM);
        props.put(controller + "sasl.enabled.mechanisms", CONTROLLER_MECHANISM);
        props.put(controller + "plain.sasl.jaas.config", plainUser);
    }

    /** The SCRAM user written into the metadata when the folder is formatted. */
    String formatterScramArgument() {
        return CLIENT_MECHANISM + "=[name=" + USER + ",iterations=" + SCRAM_ITERATIONS + ",password=" + password + "]";
    }

    /**
     * Adds (or replaces) the SCRAM user in the metadata of a broker started with {@code plainForClients}, logging in
     * with PLAIN (the admin client cannot send this request to a controller directly).
     */
    void register(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL,
                SaslConfigs.SASL_MECHANISM, CONTROLLER_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(PLAIN_LOGIN, ""),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-login");
        try (Admin admin = Admin.create(config)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot add the embedded Kafka broker's login at " + bootstrapServers, e);
        }
    }

    private String jaas(String loginModule, String extra) {
        return loginModule + " required username=\"" + USER + "\" password=\"" + password + "\"" + extra + ";";
    }

    private static String lines(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(settings).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Properties read(Path file) {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded Kafka broker's login " + file, e);
        }
    }

    private static String passwordIn(Properties settings, Path file) {
        String jaas = settings.getProperty(SaslConfigs.SASL_JAAS_CONFIG, "");
        Matcher password = Pattern.compile("password=\"([^\"]+)\"").matcher(jaas);
        if (!password.find()) {
            throw new IllegalStateException("No password in " + file + " (" + SaslConfigs.SASL_JAAS_CONFIG
                    + "). Delete the file: the next start generates a new login.");
        }
        return password.group(1);
    }
}

package io.realtimeblog.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;

import io.realtimeblog.datafolder.DataFolderProperties;
import io.realtimeblog.kafka.BlogKafkaProperties;
import io.realtimeblog.kafka.EmbeddedKafkaBroker;
import io.realtimeblog.users.AdminProperties;

/**
 * What the checks need, resolved from the application's own configuration exactly as the application would resolve
 * it: the data source, Flyway's history table, the Kafka cluster (with any {@code spring.kafka.*} security
 * settings, or the embedded broker's saved login), the topic settings, and the instance and account for the round
 * trip.
 */
record DoctorSettings(
        Database database,
        Map<String, Object> kafkaAdmin,
        String bootstrapServers,
        boolean embeddedKafka,
        Path embeddedCredentials,
        BlogKafkaProperties.Topic topic,
        URI instance,
        String email,
        String password,
        Duration timeout) {

    record Database(String url, String username, String password, String[] flywayLocations, String flywayTable) {
    }

    static DoctorSettings from(Environment env, BlogKafkaProperties kafka, DoctorProperties doctor) {
        Database database = new Database(env.getProperty("spring.datasource.url", ""),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"),
                env.getProperty("spring.flyway.locations", String[].class, new String[] {"classpath:db/migration"}),
                env.getProperty("spring.flyway.table", "flyway_schema_history"));

        KafkaProperties springKafka = Binder.get(env).bindOrCreate("spring.kafka", KafkaProperties.class);
        List<String> servers = springKafka.getBootstrapServers().stream().filter(s -> !s.isBlank()).toList();
        String alias = env.getProperty("KAFKA_BOOTSTRAP_SERVERS", "");
        // The same rule as the application: no cluster configured means the embedded broker on 127.0.0.1.
        boolean embedded = servers.isEmpty() && alias.isBlank();
        String bootstrap = !servers.isEmpty() ? String.join(",", servers)
                : !alias.isBlank() ? alias.strip() : "127.0.0.1:" + kafka.embedded().port();
        Map<String, Object> admin = new HashMap<>(springKafka.buildAdminProperties());
        // The embedded broker accepts only its own login, which the instance saved in the broker's folder.
        Path embeddedCredentials = null;
        if (embedded) {
            Path kafkaDir = kafka.embedded().dataDirIn(DataFolderProperties.from(env).dataDir());
            embeddedCredentials = EmbeddedKafkaBroker.credentialsFileIn(kafkaDir);
            admin.putAll(EmbeddedKafkaBroker.savedClientProperties(kafkaDir));
        }
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "doctor");
        int timeoutMs = (int) doctor.timeout().toMillis();
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);

        URI instance = doctor.url() != null ? doctor.url()
                : URI.create("http://localhost:" + env.getProperty("server.port", "8080"));
        AdminProperties firstAdmin = AdminProperties.from(env);
        String email = doctor.email() != null ? doctor.email() : firstAdmin.emailOrDefault();
        String password = doctor.password() != null ? doctor.password() : firstAdmin.password();
        return new DoctorSettings(database, admin, bootstrap, embedded, embeddedCredentials, kafka.topic(), instance,
                email, password, doctor.timeout());
    }
}

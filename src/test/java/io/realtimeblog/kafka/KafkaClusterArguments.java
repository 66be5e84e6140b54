package io.realtimeblog.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The arguments that make another application context use a running cluster as its external one, with the
 * settings an operator writes for a SASL cluster ({@code spring.kafka.security.protocol},
 * {@code spring.kafka.properties.sasl.*}); for the embedded broker of the test context, its login.
 */
public final class KafkaClusterArguments {

    private KafkaClusterArguments() {
    }

    public static List<String> of(KafkaEndpoint cluster) {
        List<String> args = new ArrayList<>();
        args.add("--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers());
        for (Map.Entry<String, String> setting : cluster.security().entrySet()) {
            args.add(setting.getKey().equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    ? "--spring.kafka.security.protocol=" + setting.getValue()
                    : "--spring.kafka.properties." + setting.getKey() + "=" + setting.getValue());
        }
        return args;
    }
}

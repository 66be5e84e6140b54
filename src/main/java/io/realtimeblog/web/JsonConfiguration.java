package io.realtimeblog.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict JSON input. An enum is named, never given as a number (Jackson 3 would read 3 as the fourth value). A
 * string must be well-formed Unicode: JSON escapes can spell a lone surrogate (\ud800), which no database
 * stores and no client can render, so it is refused as bad input rather than failing later. For the same reason a
 * string holds no C0 control character other than tab, line feed and carriage return: PostgreSQL refuses NUL in
 * text (the same request would succeed on H2 and MariaDB and fail there), and XML 1.0, so the RSS feed and the
 * sitemap, cannot carry any of them.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        SimpleModule wellFormedStrings = new SimpleModule("well-formed-strings")
                .addDeserializer(String.class, new WellFormedStringDeserializer());
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS).addModule(wellFormedStrings);
    }

    static final class WellFormedStringDeserializer extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && hasLoneSurrogate(value)) {
                throw InvalidFormatException.from(parser, "Not well-formed Unicode", value, String.class);
            }
            if (value != null && hasControlCharacter(value)) {
                throw InvalidFormatException.from(parser, "A control character other than tab or line break", value,
                        String.class);
            }
            return value;
        }

        static boolean hasControlCharacter(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return true;
                }
            }
            return false;
        }

        static boolean hasLoneSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return true;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}

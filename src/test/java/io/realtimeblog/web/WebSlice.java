package io.realtimeblog.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import io.realtimeblog.media.MediaProperties;

/**
 * What a {@code @WebMvcTest} slice does not pick up by itself but every API answer depends on: the strict JSON
 * input rules ({@link JsonConfiguration}), the problem writer the filters and the security layer use, and the
 * typed properties the filters and the advice read (a slice scans none). The
 * filters and {@code @ControllerAdvice}s themselves are part of every slice.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ JsonConfiguration.class, ProblemWriter.class })
@EnableConfigurationProperties({ WebProperties.class, MediaProperties.class })
public class WebSlice {
}

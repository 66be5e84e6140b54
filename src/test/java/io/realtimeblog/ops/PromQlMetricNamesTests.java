package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link PromQlMetricNames} finds in the kinds of expression the dashboard and the alert rules use. */
class PromQlMetricNamesTests {

    @Test
    void functionsAggregationsRangesAndGroupingLabelsAreNotMetricNames() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le, instance) "
                + "(rate(http_server_requests_seconds_bucket{job=\"realtime-blog\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void bothSidesOfBinaryOperatorsAndSetOperatorsAreFound() {
        assertThat(PromQlMetricNames.of("max by (instance) (blog_realtime_stream_lag) > 100\n"
                + "or (scalar(max(blog_realtime_stream_position)) - on(instance) group_left() up{job='x'}) > bool 1e3"))
                .containsExactly("blog_realtime_stream_lag", "blog_realtime_stream_position", "up");
    }

    @Test
    void labelValuesThatLookLikeNamesAndNumbersAreIgnored() {
        assertThat(PromQlMetricNames.of("sum(rate(blog_realtime_resumes_total{outcome=\"resync\"}[15m] offset 5m)) "
                + "/ sum(rate(blog_realtime_resumes_total{outcome!=\"none\"}[15m])) > 0.1 and Inf > NaN"))
                .containsExactly("blog_realtime_resumes_total");
    }
}

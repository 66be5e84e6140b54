package io.realtimeblog.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as the pages, the feed, the sitemap and the HTTP validators write them, for whatever instant a row holds.
 * Formats with a four-digit year (RFC 822 in the feed, HTTP dates, W3C dates in the sitemap) cannot carry years
 * before 1 or after 9999: such a date is left out (the element or header is optional) rather than failing the
 * page. Nothing here does arithmetic that can overflow: epoch values are built from seconds and nanos.
 */
final class SiteDates {

    private static final Instant FIRST_FOUR_DIGIT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_FOUR_DIGIT = Instant.parse("9999-12-31T23:59:59Z");
    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("d MMMM u", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SiteDates() {
    }

    /** {@code Tue, 1 Dec 2026 18:00:00 GMT}, if the year has four digits. */
    static Optional<String> rfc822(Instant instant) {
        return fourDigitYear(instant).map(at -> DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
    }

    /** {@code 2026-12-01T18:00:00Z} (a W3C datetime, to the second), if the year has four digits. */
    static Optional<String> w3c(Instant instant) {
        return fourDigitYear(instant).map(at -> DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Epoch milliseconds for an HTTP date header, if the year has four digits (else no header is sent). */
    static Optional<Long> httpDateMillis(Instant instant) {
        return fourDigitYear(instant).filter(at -> !at.isBefore(Instant.EPOCH)).map(Instant::toEpochMilli);
    }

    /** ISO 8601 for {@code <time datetime>}: any instant (a year beyond 9999 gets its sign, as ISO allows). */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** {@code 1 December 2026} for readers; any instant (the proleptic year, negative before year 1). */
    static String display(Instant instant) {
        return DISPLAY.format(instant);
    }

    /** A compact, exact, overflow-free token of an instant for ETags. */
    static String token(Instant instant) {
        return instant.getEpochSecond() + "." + instant.getNano();
    }

    private static Optional<Instant> fourDigitYear(Instant instant) {
        if (instant == null || instant.isBefore(FIRST_FOUR_DIGIT) || instant.isAfter(LAST_FOUR_DIGIT)) {
            return Optional.empty();
        }
        return Optional.of(instant);
    }
}

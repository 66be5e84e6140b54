package io.realtimeblog.posts.editing;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns titles into URL slugs and finds the first free variant of a slug. */
public final class Slugs {

    /** What a valid slug looks like: lower-case words of letters and digits joined by single hyphens. */
    public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    public static final int MAX_LENGTH = 200;
    private static final int GENERATED_LENGTH = 80;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > GENERATED_LENGTH) {
            slug = trimHyphens(slug.substring(0, GENERATED_LENGTH));
        }
        return slug.isEmpty() ? "post" : slug;
    }

    /** The base slug if it is free, else {@code base-2}, {@code base-3}, ... whichever comes first. */
    static String firstFree(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = withSuffix(base, "-" + n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    static String withSuffix(String base, String suffix) {
        String head = base.length() + suffix.length() > MAX_LENGTH
                ? trimHyphens(base.substring(0, MAX_LENGTH - suffix.length()))
                : base;
        return head + suffix;
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}

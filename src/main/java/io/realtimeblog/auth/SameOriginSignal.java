package io.realtimeblog.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.WebUtils;

/**
 * What refresh and logout require besides the token: a sign that the request does not come from another site's
 * page, so the refresh cookie cannot be used (or cleared) by a cross-site form or script even where a browser does
 * not honour {@code SameSite=Strict}. Either of two signals is enough:
 * <ul>
 * <li>the header {@value #HEADER} with any value: a page of another origin can only send a custom header after a
 * CORS preflight, which this server never approves; non-browser clients simply send it;</li>
 * <li>an {@code Origin} header naming this server's own origin (as the request reached it: behind a proxy only
 * right with {@code server.forward-headers-strategy}).</li>
 * </ul>
 */
final class SameOriginSignal {

    static final String HEADER = "X-Requested-With";

    private SameOriginSignal() {
    }

    /** Throws 403 {@code /problems/cross-site-request} unless the request carries one of the signals. */
    static void require(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return;
        }
        if (request.getHeader(HttpHeaders.ORIGIN) != null
                && WebUtils.isSameOrigin(new ServletServerHttpRequest(request))) {
            return;
        }
        throw AuthProblems.crossSiteRequest();
    }
}

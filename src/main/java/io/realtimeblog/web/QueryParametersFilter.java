package io.realtimeblog.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request parameters come from the query string only, decoded strictly, on every path. The container never
 * parses a request body as form parameters (no endpoint takes a form): with a form or multipart body the request's
 * parameters are replaced by the query string's, so undecodable bytes in the body cannot fail inside whichever
 * filter first asks for a parameter (other requests keep the container's parameters, which are then the query
 * string's, already checked here). A query string with bad percent-encoding or bytes that are not UTF-8 is
 * refused up front with 400 {@code /problems/malformed-query} (a small HTML page for a browser on a page) instead
 * of failing later as a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryParametersFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    QueryParametersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = QueryParameters.parse(request.getQueryString());
        } catch (QueryParameters.MalformedQueryException e) {
            if (ErrorResponses.wantsHtml(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT))) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(ErrorResponses.HTML);
                response.getWriter().write(ErrorResponses.html(HttpStatus.BAD_REQUEST.value()));
                return;
            }
            problems.write(request, response, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-query",
                    "Malformed query string", e.getMessage()));
            return;
        }
        chain.doFilter(formBody(request) ? new QueryOnlyRequest(request, parameters) : request, response);
    }

    /** A body the container would parse as parameters when first asked for one. */
    private static boolean formBody(HttpServletRequest request) {
        String type = request.getContentType();
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }

    private static final class QueryOnlyRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        QueryOnlyRequest(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}

package io.realtimeblog.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Replaces Tomcat's error report (an HTML page naming the server, with a stack trace for exceptions). It answers
 * what Tomcat refuses before any filter or servlet runs (an encoded slash or NUL in the path, bad percent
 * encoding, headers over the limit, a broken request line) and whatever no error page handled, with the same
 * bodies as {@link ProblemErrorController}: problem+json for API clients, a small HTML page for browsers.
 * <p>
 * Tomcat creates it by class name ({@code StandardHost#setErrorReportValveClass}), so it has a no-argument
 * constructor and no Spring dependencies.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // Headers too large are not parsed at all: without an Accept header, a page's path decides. A request
        // line too broken to yield a path gets a problem body.
        String path = path(request);
        String accept = request.getHeader("Accept");
        boolean html = ErrorResponses.wantsHtml(path, accept == null && !path.isEmpty() ? "text/html" : accept);
        try {
            response.setContentType(html ? ErrorResponses.HTML : ErrorResponses.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(html ? ErrorResponses.html(status) : ErrorResponses.problemJson(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }

    /** The raw path, or empty when the request line was too broken to yield one. */
    private static String path(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri == null ? "" : uri;
        } catch (RuntimeException e) {
            return "";
        }
    }
}

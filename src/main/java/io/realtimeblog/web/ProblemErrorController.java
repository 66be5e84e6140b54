package io.realtimeblog.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The servlet container's error page: whatever fails outside Spring MVC (an error sent by a filter, a request
 * the container itself refuses and forwards here) still answers with a problem body, or with a small HTML page
 * when a browser asked for a public or admin page ({@link ErrorResponses}); never Boot's default JSON or a stack
 * trace. Requested directly, {@code /error} is a page like any missing one: 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String path = uri instanceof String original ? original : request.getRequestURI();
        if (ErrorResponses.wantsHtml(path, request.getHeader(HttpHeaders.ACCEPT))) {
            return ResponseEntity.status(status).contentType(MediaType.parseMediaType(ErrorResponses.HTML))
                    .body(ErrorResponses.html(status.value()));
        }
        ProblemDetail problem = ProblemTypes.problem(status, ErrorResponses.slug(status.value()),
                status.getReasonPhrase(), ErrorResponses.detail(status.value()));
        problem.setInstance(instance(path));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The failed request's path as the problem's instance, when it is a valid URI reference. */
    private static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create("/error");
        }
    }
}

package io.realtimeblog.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The servlet container's error page: whatever fails outside Spring MVC (an error sent by a filter, a request
 * the container itself refuses and forwards here) still answers with a problem body, never Boot's default JSON
 * or a stack trace.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String slug = status.is5xxServerError() ? "internal-error"
                : status.getReasonPhrase().toLowerCase().replace(' ', '-');
        ProblemDetail problem = ProblemTypes.problem(status, slug, status.getReasonPhrase(),
                status.is5xxServerError() ? "The server could not complete the request." : "The request was refused.");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package io.realtimeblog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error that reaches Spring MVC into an {@code application/problem+json} body (RFC 9457) with a
 * stable type URI. Bad input is a 4xx with a readable detail; anything unexpected is a 500 whose body says
 * nothing about the server's internals. A browser on a public or admin page (not the API) gets the same status
 * with a small HTML page instead ({@link ErrorResponses}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        ProblemDetail problem = validationProblem(errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByOversizedBody(ex)) {
            ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Request body too large", "The request body exceeds the allowed size.");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "Malformed request body", describe(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(v ->
                errors.add(Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())));
        return handleExceptionInternal(ex, validationProblem(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                request);
    }

    /** A multipart body that cannot be parsed; no endpoint takes one, but the dispatcher parses it first. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "Malformed request body", "The multipart request body could not be read.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(ObjectOptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONFLICT, "concurrent-change",
                "Changed concurrently", "Someone else changed this resource at the same time; reload and retry.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        log.warn("Rejected a write that violates a database constraint: {}", ex.getMostSpecificCause().toString());
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The change conflicts with existing data.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** Raised by method security inside a controller; the security filter chain never sees it. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are not allowed to do this.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "Authentication is required.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error serving {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The server could not complete the request.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.type(ErrorResponses.slug(statusCode.value())));
        }
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && !servlet.getResponse().isCommitted()
                && ErrorResponses.wantsHtml(servlet.getRequest().getRequestURI(),
                        servlet.getHeader(HttpHeaders.ACCEPT))) {
            // a browser on a public or admin page (a missing file, a method the page does not take)
            return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.TEXT_HTML)
                    .body(ErrorResponses.html(statusCode.value()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation",
                "Invalid request", "One or more fields are invalid.");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static boolean causedByOversizedBody(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The JSON path of the offending value, like {@code tags[0]}: names and indexes, never the Java types. */
    private static String fieldPath(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }

    /** A detail that names the offending field but never echoes parser internals or class names. */
    private static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = fieldPath(databind);
            String kind = cause.getClass().getSimpleName().replace("Exception", "");
            return switch (kind) {
                case "UnrecognizedProperty", "IgnoredProperty" -> "Unknown field " + field + ".";
                case "InvalidFormat", "MismatchedInput", "InvalidNullPointer", "InvalidNull" ->
                        "Field " + field + " has a value of the wrong type or format.";
                default -> "Field " + field + " could not be read.";
            };
        }
        if (cause instanceof JacksonException) {
            return "The body is not valid JSON.";
        }
        return "The request body is missing or unreadable.";
    }
}

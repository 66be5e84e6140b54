package io.realtimeblog.realtime;

/**
 * The close codes of WebSocket protocol v1 (docs/websocket-protocol.md). "Reconnect" codes mean: connect again
 * with back-off and resume from the last position; "do not reconnect" codes mean a retry would fail the same way.
 */
public final class CloseCodes {

    /** A close code and the reason sent with it. */
    public record Close(int code, String reason) {
    }

    /** Reconnect: the server is shutting down or restarting; another instance will serve the resume. */
    public static final Close SERVER_RESTART = new Close(1012, "server restarting");
    /** Do not reconnect as is: the token is invalid (bad signature, wrong algorithm, unknown or disabled user). */
    public static final Close UNAUTHORIZED = new Close(4001, "unauthorized");
    /** Reconnect after sending a hello sooner: no hello arrived in time. */
    public static final Close HELLO_TIMEOUT = new Close(4002, "hello timeout");
    /** Reconnect with a fresh token: the access token expired and was not refreshed in band. */
    public static final Close REAUTHENTICATE = new Close(4004, "re-authenticate");
    /** Reconnect and resume: the client fell too far behind; nothing was lost, it resumes from its position. */
    public static final Close SLOW_CLIENT = new Close(4008, "slow client");
    /** Do not reconnect: the first frame was not a valid hello (a client bug). */
    public static final Close PROTOCOL_ERROR = new Close(4009, "protocol error");
    /** Do not reconnect at once: the client kept sending more than its allowance (of presence frames). */
    public static final Close POLICY_VIOLATION = new Close(1008, "policy violation");
    /** Reconnect: no frame (not even a ping) arrived within the idle timeout. */
    public static final Close IDLE = new Close(4010, "idle timeout");

    /** Every close the application sends (the transport's own refusals are counted apart, by their codes). */
    public static final java.util.List<Close> ALL = java.util.List.of(SERVER_RESTART, UNAUTHORIZED, HELLO_TIMEOUT,
            REAUTHENTICATE, SLOW_CLIENT, PROTOCOL_ERROR, POLICY_VIOLATION, IDLE);

    private CloseCodes() {
    }
}

package io.realtimeblog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a plain socket. It sends exactly the bytes it is given (paths with {@code %00} or
 * {@code %zz}, headers no client library lets through, oversized headers, bodies that disagree with their content
 * type), always with {@code Connection: close}, and reads the whole answer. A server that closes the socket
 * without answering is reported as {@link DroppedConnection}.
 *
 * <pre>
 * RawHttp.Response response = RawHttp.send(port, RawHttp.request("GET", "/api/posts/%zz", Map.of(), null));
 * response.status(); response.header("content-type"); response.body();
 * </pre>
 */
final class RawHttp {

    private RawHttp() {
    }

    /** An answer: its status, its headers (names lower-cased, last one wins) and its body as UTF-8. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            return String.valueOf(header("content-type"));
        }
    }

    /** The server closed the connection (or stayed silent) without sending a complete response. */
    static final class DroppedConnection extends IOException {

        DroppedConnection(String message) {
            super(message);
        }
    }

    /** The bytes of a request: request line, Host, Connection: close, the given headers, Content-Length, body. */
    static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    /** Sends the raw request bytes and reads the response until the server closes the connection. */
    static Response send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            byte[] answer = readAll(socket.getInputStream());
            return parse(answer);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after a complete response still counts as answered; parse() decides
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] answer) throws DroppedConnection {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new DroppedConnection("No complete response head; received " + answer.length + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
        String length = headers.get("content-length");
        if (length != null && body.length < Integer.parseInt(length)) {
            throw new DroppedConnection("Body cut short: " + body.length + " of " + length + " bytes");
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws DroppedConnection {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                throw new DroppedConnection("Chunked body cut short");
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            at = lineEnd + 2;
            if (at + size > chunked.length) {
                throw new DroppedConnection("Chunk cut short");
            }
            body.write(chunked, at, size);
            at += size + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

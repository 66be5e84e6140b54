package io.realtimeblog.media.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy (Maven Central, {@code org.gaul:s3proxy}) on its filesystem
 * blob store, in a JVM of its own on a free loopback port, started once per test JVM and stopped when it exits.
 * <p>
 * Why a separate JVM: S3Proxy brings its own Jetty, jclouds, Jackson 2 and AWS SDK versions, which would fight
 * Spring Boot's managed ones on one classpath. Maven copies its self-contained jar to {@code target/s3proxy/} and
 * hands the path over as the system property {@code s3proxy.jar}. When the jar or the server is missing, the tests
 * fail: they never skip.
 */
final class S3ProxyServer {

    static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Marks the server's command line with the test JVM that started it. */
    private static final String OWNER = "-Drealtimeblog.s3proxy.owner=";
    private static final Pattern OWNER_PID = Pattern.compile(Pattern.quote(OWNER) + "(\\d+)");
    private static final AtomicInteger buckets = new AtomicInteger();
    private static S3ProxyServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final S3Client client;

    private S3ProxyServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.client = S3Client.builder().region(Region.of(REGION)).endpointOverride(endpoint).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials()).build();
    }

    /** The server, started on first use. */
    static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3proxy-stop"));
        }
        return shared;
    }

    URI endpoint() {
        return endpoint;
    }

    static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A client of our own, to look at the bucket without going through the store under test. */
    S3Client client() {
        return client;
    }

    /** A new, empty bucket: every test class (or test) gets its own. */
    String createBucket() {
        String bucket = "media-test-" + ProcessHandle.current().pid() + "-" + buckets.incrementAndGet();
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** The names of every object in the bucket, prefix or not. */
    List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(object -> object.key()).sorted().toList();
    }

    /** Deletes every object of the bucket, then the bucket: a store that writes into it fails from now on. */
    void deleteBucket(String bucket) {
        for (String key : keys(bucket)) {
            client.deleteObject(request -> request.bucket(bucket).key(key));
        }
        client.deleteBucket(request -> request.bucket(bucket));
    }

    private static S3ProxyServer start() {
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy's jar is missing (system property s3proxy.jar = " + jar
                    + "): run the tests through Maven, whose generate-test-resources phase copies it to "
                    + "target/s3proxy/s3proxy.jar");
        }
        stopOrphans();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startOnce(Path.of(jar));
            } catch (IllegalStateException e) {
                // most likely the free port was taken between our probe and S3Proxy's bind: try another
                failure = e;
            }
        }
        throw failure;
    }

    private static S3ProxyServer startOnce(Path jar) {
        try {
            int port = freePort();
            // under target/, so that mvn clean removes the blobs and the log stays there to read
            Path home = Files.createDirectories(jar.toAbsolutePath().resolveSibling("run-" + ProcessHandle.current().pid() + "-" + port));
            Path blobs = Files.createDirectories(home.resolve("blobs"));
            Path properties = home.resolve("s3proxy.conf");
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + blobs, ""));
            Path log = home.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, OWNER + ProcessHandle.current().pid(), "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LOG_LEVEL", "warn");
            Process process = builder.start();
            awaitListening(process, port, log);
            return new S3ProxyServer(process, endpoint, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy", e);
        }
    }

    /**
     * Stops the S3Proxy processes that a test JVM started and could not stop because it was killed (no shutdown hook
     * ran): each names its test JVM on its command line, and that process is gone.
     */
    private static void stopOrphans() {
        ProcessHandle.allProcesses().forEach(process -> process.info().commandLine()
                .map(command -> OWNER_PID.matcher(command))
                .filter(Matcher::find)
                .filter(owner -> ProcessHandle.of(Long.parseLong(owner.group(1))).map(p -> !p.isAlive()).orElse(true))
                .ifPresent(orphan -> process.destroy()));
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    // waits for the next probe, or returns early when the process dies
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while S3Proxy started", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + START_TIMEOUT
                + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void stop() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "S3Proxy at " + endpoint + " (log " + log + ")";
    }
}

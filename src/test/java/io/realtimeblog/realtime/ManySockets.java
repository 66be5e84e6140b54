package io.realtimeblog.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Thousands of WebSocket clients on one thread (non-blocking sockets, one selector), for tests that need many
 * sockets at once on a small machine. Each client connects and upgrades, sends the text frames the test makes it
 * send, and records the text frames it receives; nothing else (server frames arrive whole and unmasked; pings and
 * fragmentation are not expected).
 */
final class ManySockets implements AutoCloseable {

    /** One client: the text frames it received, and the close code if the server closed it. */
    static final class Client {
        private final SocketChannel channel;
        private ByteBuffer in = ByteBuffer.allocate(4096);
        private volatile boolean upgraded;
        private final List<String> texts = new ArrayList<>();
        private volatile int closeCode;

        private Client(SocketChannel channel) {
            this.channel = channel;
        }

        synchronized List<String> texts() {
            return List.copyOf(texts);
        }

        synchronized boolean received(String fragment) {
            return texts.stream().anyMatch(text -> text.contains(fragment));
        }

        int closeCode() {
            return closeCode;
        }

        boolean upgraded() {
            return upgraded;
        }
    }

    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<Client> toRegister = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread loop;
    private final int port;
    private volatile boolean running = true;

    ManySockets(int port) throws IOException {
        this.port = port;
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "many-sockets");
        loop.setDaemon(true);
        loop.start();
    }

    /** Opens {@code count} clients and upgrades them; they say nothing until {@link #sendText}. */
    List<Client> open(int count) throws IOException {
        List<Client> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            Client client = new Client(channel);
            opened.add(client);
            toRegister.add(client);
        }
        clients.addAll(opened);
        selector.wakeup();
        return opened;
    }

    /** Sends client {@code i} of {@code clients} the text {@code text.apply(i)}, all in a row from this thread. */
    static void sendText(List<Client> clients, IntFunction<String> text) throws IOException {
        for (int i = 0; i < clients.size(); i++) {
            write(clients.get(i).channel, maskedText(text.apply(i)));
        }
    }

    /** How many clients are upgraded, have a frame containing {@code fragment}, and were closed (with which codes). */
    String summary(String fragment) {
        long upgraded = clients.stream().filter(c -> c.upgraded).count();
        long received = clients.stream().filter(c -> c.received(fragment)).count();
        List<Integer> codes = clients.stream().map(Client::closeCode).filter(code -> code != 0).distinct().toList();
        long closed = clients.stream().filter(c -> c.closeCode != 0).count();
        return clients.size() + " clients: " + upgraded + " upgraded, " + received + " got " + fragment + ", "
                + closed + " closed " + codes + ", " + failures.get() + " failed";
    }

    /** Clients whose connection failed (refused, reset, or a refused upgrade). */
    int failures() {
        return failures.get();
    }

    private void run() {
        while (running) {
            try {
                selector.select(100);
                for (Client client; (client = toRegister.poll()) != null; ) {
                    client.channel.register(selector, SelectionKey.OP_CONNECT, client);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(SelectionKey key) {
        Client client = (Client) key.attachment();
        try {
            if (key.isConnectable()) {
                client.channel.finishConnect();
                write(client.channel, upgradeRequest());
                key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
                if (client.in.remaining() == 0) {
                    client.in = ByteBuffer.allocate(client.in.capacity() * 2).put(client.in.flip());
                }
                if (client.channel.read(client.in) < 0) {
                    key.cancel();
                    client.channel.close();
                    return;
                }
                consume(client);
            }
        } catch (IOException e) {
            failures.incrementAndGet();
            key.cancel();
        }
    }

    private void consume(Client client) throws IOException {
        ByteBuffer in = client.in.flip();
        if (!client.upgraded) {
            String head = StandardCharsets.ISO_8859_1.decode(in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                in.compact();
                return;
            }
            if (!head.startsWith("HTTP/1.1 101")) {
                failures.incrementAndGet();
                client.channel.close();
                return;
            }
            in.position(end + 4);
            client.upgraded = true;
        }
        while (in.remaining() >= 2) {
            in.mark();
            int opcode = in.get() & 0x0f;
            long length = in.get() & 0x7f;
            if (length == 126 && in.remaining() >= 2) {
                length = in.getShort() & 0xffff;
            } else if (length == 127 && in.remaining() >= 8) {
                length = in.getLong();
            } else if (length >= 126) {
                in.reset();
                break;
            }
            if (in.remaining() < length) {
                in.reset();
                break;
            }
            byte[] payload = new byte[(int) length];
            in.get(payload);
            if (opcode == 1) {
                synchronized (client) {
                    client.texts.add(new String(payload, StandardCharsets.UTF_8));
                }
            } else if (opcode == 8) {
                client.closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
        in.compact();
    }

    private static void write(SocketChannel channel, ByteBuffer bytes) throws IOException {
        // Small frames into an idle socket's send buffer: one write takes them all, but loop to be sure.
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private ByteBuffer upgradeRequest() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return ByteBuffer.wrap(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static ByteBuffer maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length >= 126) {
            throw new IllegalArgumentException("first frames here are short");
        }
        ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
        frame.put((byte) 0x81).put((byte) (0x80 | payload.length));
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        return frame.flip();
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Client client : clients) {
            client.channel.close();
        }
        selector.close();
    }
}

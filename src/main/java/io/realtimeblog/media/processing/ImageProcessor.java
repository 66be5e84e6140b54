package io.realtimeblog.media.processing;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.twelvemonkeys.image.ResampleOp;

import io.realtimeblog.media.MediaProperties;

/**
 * Turns an upload's bytes into its renditions, or refuses it ({@link ImageRejected}). In order: the format from the
 * signature (415), the pixel count from the header (422, before anything is decoded), then a decode slot: at most
 * {@code blog.media.max-concurrent-decodes} uploads are decoded at once on this instance (a {@link Semaphore}; an
 * upload waits up to {@code decode-queue-timeout}, then 503), each on a thread of its own with
 * {@code decode-timeout} of CPU time and {@code decode-wall-timeout} in all to finish (422, the reader is aborted). No lock is shared with other requests: a slow
 * upload holds only its own slot. Decoding a frame of at most {@code max-pixels} bounds the memory one upload can
 * take (4 bytes a pixel plus its renditions).
 * <p>
 * The decode threads run at a lower priority ({@code decode-nice}, {@link BackgroundPriority}): on a busy machine they
 * give way to event delivery and requests, and use the CPU that is idle.
 * <p>
 * The frame is turned as its EXIF orientation says, then every rendition is resampled (TwelveMonkeys'
 * {@link ResampleOp}, Lanczos) and re-encoded from bare pixels, so no metadata survives.
 */
@Component
public class ImageProcessor implements DisposableBean {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How often the waiting request looks at the decode thread's CPU time. */
    private static final long CHECK_EVERY_MILLIS = 50;

    private final MediaProperties properties;
    private final Semaphore slots;
    private final ExecutorService decoders;

    public ImageProcessor(MediaProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrentDecodes(), true);
        AtomicInteger count = new AtomicInteger();
        int nice = properties.decodeNice();
        this.decoders = Executors.newCachedThreadPool(task -> {
            Runnable lowered = () -> {
                BackgroundPriority.lowerThisThread(nice);
                task.run();
            };
            Thread thread = new Thread(lowered, "media-decode-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The renditions of the image, or {@link ImageRejected} saying why not. */
    public ProcessedImage process(byte[] bytes) {
        ImageFormat format = FormatSniffer.sniff(bytes).orElseThrow(ImageRejected::unsupported);
        ImageDecoder decoder = new ImageDecoder(format, bytes);
        try {
            long[] size = decoder.headerSize();
            if (size[0] <= 0 || size[1] <= 0) {
                throw ImageRejected.corrupt();
            }
            if (size[0] * size[1] > properties.maxPixels()) {
                throw ImageRejected.tooManyPixels(size[0], size[1], properties.maxPixels());
            }
            acquireSlot();
        } catch (RuntimeException e) {
            decoder.close();
            throw e;
        }
        // The slot is released by the decode thread when it really ends, so an aborted decode that is slow to
        // notice still counts against the limit.
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<ProcessedImage> result = decoders.submit(() -> {
            worker.set(Thread.currentThread());
            try (decoder) {
                return renditions(format, decoder.decode(), format == ImageFormat.JPEG ? Orientation.of(bytes) : 1);
            } finally {
                slots.release();
            }
        });
        return await(result, decoder, worker);
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(properties.decodeQueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw ImageRejected.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ImageRejected.busy();
        }
    }

    /**
     * Waits for the decode thread: it may use {@code decode-timeout} of CPU time (the bound on the work an image can
     * make, decompression bombs included), and take up to {@code decode-wall-timeout} in all (it runs at a lower
     * priority, so on a busy machine it waits for idle CPU). Past either, the reader is aborted: 422.
     */
    private ProcessedImage await(Future<ProcessedImage> result, ImageDecoder decoder, AtomicReference<Thread> worker) {
        long wallDeadline = System.nanoTime() + properties.decodeWallTimeout().toNanos();
        long cpuBudget = properties.decodeTimeout().toNanos();
        try {
            while (true) {
                try {
                    return result.get(CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - wallDeadline > 0 || cpuTime(worker.get()) > cpuBudget) {
                        decoder.abort();
                        result.cancel(true);
                        throw ImageRejected.tooSlow();
                    }
                }
            }
        } catch (InterruptedException e) {
            decoder.abort();
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw ImageRejected.tooSlow();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageRejected rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                throw ImageRejected.tooSlow();
            }
            throw new IllegalStateException("Processing an image failed", e.getCause());
        }
    }

    /** The CPU time the thread has used, in nanoseconds (0 before it started, or where the JVM cannot tell). */
    private static long cpuTime(Thread thread) {
        return thread == null ? 0 : Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
    }

    private ProcessedImage renditions(ImageFormat format, BufferedImage decoded, int orientation) {
        BufferedImage image = Orientation.apply(decoded, orientation);
        int width = image.getWidth();
        int height = image.getHeight();
        List<ProcessedImage.Rendition> out = new ArrayList<>();
        out.add(new ProcessedImage.Rendition(width, height, ImageCodecs.encode(image, format, properties.quality())));
        // Widest first, each from the one before rather than from the original, so the narrow renditions do not
        // filter the whole photo again (resampling took most of an upload's CPU). With the default widths each step
        // shrinks by at most half; ImageProcessorTests checks the result against resampling from the original.
        BufferedImage source = image;
        for (int w : properties.variantWidths().stream().filter(w -> w < width).distinct().sorted((a, b) -> b - a)
                .toList()) {
            int h = Math.max(1, (int) Math.round((double) height * w / width));
            BufferedImage scaled = new ResampleOp(w, h, ResampleOp.FILTER_LANCZOS).filter(source, null);
            out.add(new ProcessedImage.Rendition(w, h, ImageCodecs.encode(scaled, format, properties.quality())));
            source = scaled;
        }
        return new ProcessedImage(format, List.copyOf(out));
    }

    @Override
    public void destroy() {
        decoders.shutdownNow();
    }
}

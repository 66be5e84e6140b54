package io.realtimeblog.doctor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs each check with a deadline, so an unreachable host makes a red line instead of a hanging command. */
final class Checks implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "doctor-check");
        thread.setDaemon(true);
        return thread;
    });

    CheckResult run(String name, Duration deadline, String fix, Callable<CheckResult> check) {
        Future<CheckResult> result = executor.submit(check);
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return CheckResult.fail(name, "no answer within " + deadline.toMillis() + " ms", fix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(name, "interrupted", fix);
        } catch (ExecutionException e) {
            return CheckResult.fail(name, "failed: " + reason(e.getCause()), fix);
        }
    }

    static String reason(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

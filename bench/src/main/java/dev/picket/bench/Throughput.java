package dev.picket.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Measures events per second of a pass over a data set: warms up, then repeats passes for a given
 * time on each of N threads, each with its own state (one engine per thread, as in production).
 */
final class Throughput {
    /** One pass over the data set; returns something derived from the work so it cannot be skipped. */
    interface Pass {
        long run();
    }

    private final int threads;
    private final long millis;
    /** Defeats dead-code elimination of the passes' results. */
    static volatile long sink;

    Throughput(int threads, double seconds) {
        this.threads = threads;
        this.millis = Math.max(1, (long) (seconds * 1000));
    }

    /**
     * @param passes makes one thread's pass (its state created here, outside the timing)
     * @param eventsPerPass events one pass handles
     */
    double eventsPerSecond(Supplier<Pass> passes, int eventsPerPass) {
        List<Pass> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) perThread.add(passes.get());
        run(perThread, millis / 2); // warm-up: compile the hot paths
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        run(perThread, millis, done);
        double seconds = (System.nanoTime() - start) / 1e9;
        return done.sum() * (double) eventsPerPass / seconds;
    }

    private void run(List<Pass> perThread, long forMillis) {
        run(perThread, forMillis, new LongAdder());
    }

    private static void run(List<Pass> perThread, long forMillis, LongAdder passes) {
        long end = System.nanoTime() + forMillis * 1_000_000;
        List<Thread> running = new ArrayList<>();
        for (Pass pass : perThread) {
            Thread t = new Thread(() -> {
                long acc = 0;
                do {
                    acc += pass.run();
                    passes.increment();
                } while (System.nanoTime() < end);
                sink += acc;
            }, "bench");
            t.start();
            running.add(t);
        }
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}

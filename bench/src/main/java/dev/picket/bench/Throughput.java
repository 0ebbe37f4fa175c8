package dev.picket.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Measures events per second of several passes over data sets, interleaved: the measured time is
 * cut into rounds and every pass runs in every round, so the load other processes put on the
 * machine falls on all figures alike and their ratios stay meaningful on a busy machine. Each
 * pass runs on N threads, each with its own state (one engine per thread, as in production),
 * after a warm-up.
 */
final class Throughput {
    /** One pass over a data set; returns something derived from the work so it cannot be skipped. */
    interface Pass {
        long run();
    }

    /** A measured pass: how to make one thread's pass (its state created outside the timing) and the events it handles. */
    record Subject(Supplier<Pass> passes, int eventsPerPass) {
    }

    private static final int ROUNDS = 10;

    private final int threads;
    private final long millis;
    /** Defeats dead-code elimination of the passes' results. */
    static volatile long sink;

    Throughput(int threads, double seconds) {
        this.threads = threads;
        this.millis = Math.max(ROUNDS, (long) (seconds * 1000));
    }

    /** Events per second of each subject, in order. */
    double[] eventsPerSecond(List<Subject> subjects) {
        List<List<Pass>> perSubject = new ArrayList<>();
        for (Subject s : subjects) {
            List<Pass> perThread = new ArrayList<>();
            for (int t = 0; t < threads; t++) perThread.add(s.passes().get());
            perSubject.add(perThread);
        }
        for (List<Pass> passes : perSubject) run(passes, millis / 2, new LongAdder()); // warm-up: compile the hot paths
        long[] done = new long[subjects.size()];
        long[] nanos = new long[subjects.size()];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < subjects.size(); i++) {
                LongAdder passes = new LongAdder();
                long start = System.nanoTime();
                run(perSubject.get(i), millis / ROUNDS, passes);
                nanos[i] += System.nanoTime() - start;
                done[i] += passes.sum();
            }
        }
        double[] eps = new double[subjects.size()];
        for (int i = 0; i < eps.length; i++) eps[i] = done[i] * (double) subjects.get(i).eventsPerPass() / (nanos[i] / 1e9);
        return eps;
    }

    /** Runs each thread's pass repeatedly until the time is up (a pass in progress completes). */
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

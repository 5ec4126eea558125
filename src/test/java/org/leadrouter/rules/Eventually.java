package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something that happens on another thread (a file-triggered reload) by polling with
 * a generous bound; the bound only stops a broken test from hanging, it is not what is tested.
 */
public final class Eventually {

    private static final long BOUND_MILLIS = 30_000;

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition, Supplier<Object> stateOnFailure) {
        long deadline = System.nanoTime() + BOUND_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("never happened: " + what + "; state: " + stateOnFailure.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}

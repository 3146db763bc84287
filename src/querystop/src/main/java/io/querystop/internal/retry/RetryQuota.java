package io.querystop.internal.retry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's retry budget (AWS standard mode): each retry takes tokens, each success gives back what its call took
 * (or one token for a first-attempt success), never above the capacity. When it runs dry, failures are returned at
 * once instead of retried, so a client cannot multiply the load on a failing service.
 */
public final class RetryQuota {

    private final int capacity;
    private final AtomicInteger available;

    public RetryQuota(int capacity) {
        this.capacity = capacity;
        this.available = new AtomicInteger(capacity);
    }

    /** Takes {@code cost} tokens if there are that many; a capacity of 0 means no quota, so always true. */
    public boolean tryAcquire(int cost) {
        if (capacity == 0) {
            return true;
        }
        while (true) {
            int now = available.get();
            if (now < cost) {
                return false;
            }
            if (available.compareAndSet(now, now - cost)) {
                return true;
            }
        }
    }

    public void release(int tokens) {
        if (capacity == 0 || tokens <= 0) {
            return;
        }
        available.getAndUpdate(now -> Math.min(capacity, now + tokens));
    }

    public int available() {
        return capacity == 0 ? Integer.MAX_VALUE : available.get();
    }
}

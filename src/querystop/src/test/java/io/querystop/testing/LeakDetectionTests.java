package io.querystop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** Netty's detector runs at PARANOID and a leak reaches the recorder that fails tests. */
@ExpectsLeaks
class LeakDetectionTests {

    @Test
    void anUnreleasedBufferIsReported() {
        LeakRecorder.collect(); // start from a clean slate
        leak();

        assertThat(LeakRecorder.collect()).anySatisfy(report -> assertThat(report).startsWith("ByteBuf leaked"));
    }

    private static void leak() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
        buffer.writeInt(42);
        // dropped without release()
    }
}

package io.querystop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applied to every test class (auto-detected): a Netty leak reported during a test fails that test; after each class
 * a garbage collection gives the detector a chance to report what the class leaked, and fails the class.
 */
public final class LeakCheckExtension implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(ExpectsLeaks.class)) {
            return;
        }
        assertThat(LeakRecorder.drain()).as("Netty leak reports").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(ExpectsLeaks.class)) {
            return;
        }
        assertThat(LeakRecorder.collect()).as("Netty leak reports after " + context.getDisplayName()).isEmpty();
    }
}

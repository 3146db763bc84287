/**
 * A JUnit 5 extension that runs the {@link io.querystop.emulator.Emulator} for tests: start it on a free loopback
 * port, inject it or its endpoint, reset it between tests, close it after. Start at {@link EmulatorExtension}.
 */
package io.querystop.emulator.junit;

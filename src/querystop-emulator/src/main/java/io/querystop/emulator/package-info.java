/**
 * An in-process Neptune data API and CloudTrail Lake server for tests and demos, in the spirit of OkHttp's
 * MockWebServer: real HTTP on a loopback port, state that behaves as the services do, SigV4 checking, recorded
 * requests and scripted faults. Start at {@link io.querystop.emulator.Emulator}.
 */
package io.querystop.emulator;

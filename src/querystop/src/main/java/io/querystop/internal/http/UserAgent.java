package io.querystop.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/** The {@code User-Agent} sent with every request: querystop and its version, then the JVM and OS. */
final class UserAgent {

    private UserAgent() {
    }

    static String value() {
        return "querystop/" + version() + " java/" + System.getProperty("java.version", "unknown")
            + " os/" + System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/io/querystop/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

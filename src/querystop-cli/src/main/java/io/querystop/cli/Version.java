package io.querystop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/querystop/cli/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"querystop " + properties.getProperty("version", "unknown") + " (Java "
            + System.getProperty("java.version") + ")"};
    }
}

package io.querystop.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot section shows this application: each {@code ```java-spring} block of that section is a
 * piece of one of its source files, word for word, and its first {@code ```properties} block is its
 * application.properties. (The library's ReadmeSamplesTests compiles {@code ```java} blocks without Spring on the class
 * path, hence the other fence; this module compiles the code itself.)
 */
class ReadmeSpringSampleTests {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void theSpringSectionShowsThisApplication() throws IOException {
        List<String> section = springSection(Files.readAllLines(MODULE.resolve("../../README.md").normalize(),
            StandardCharsets.UTF_8));
        List<String> java = blocks(section, "java-spring");
        List<String> properties = blocks(section, "properties");

        assertThat(java).as("```java-spring blocks in the Spring Boot section").isNotEmpty();
        String sources;
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(ReadmeSpringSampleTests::read)
                .collect(Collectors.joining("\n"));
        }
        for (String block : java) {
            assertThat(sources).as("the sample's sources").contains(block);
        }
        assertThat(properties).as("```properties blocks in the Spring Boot section").isNotEmpty();
        assertThat(read(MODULE.resolve("src/main/resources/application.properties")).strip())
            .isEqualTo(properties.get(0).strip());
    }

    private static List<String> springSection(List<String> readme) {
        int start = readme.indexOf("## Spring Boot");
        assertThat(start).as("a '## Spring Boot' section in README.md").isNotNegative();
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        return readme.subList(start, end);
    }

    private static List<String> blocks(List<String> lines, String language) {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```" + language)) {
                StringBuilder block = new StringBuilder();
                for (i++; !lines.get(i).equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                blocks.add(block.toString());
            }
        }
        return blocks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

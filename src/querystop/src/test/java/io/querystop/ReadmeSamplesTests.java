package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every Java sample of the repository's README.md against this module's test classpath (the library, the
 * emulator, Reactor, JUnit, ...), so that a sample cannot drift from the API. A failure names the README line.
 *
 * <p>The convention, for whoever writes a sample: every block fenced with {@code ```java} is compiled, in one of two
 * ways.
 * <ul>
 *   <li>A block whose code starts, after any {@code import} lines, with a type declaration at the left margin
 *       ({@code class Foo}, {@code public final class Foo}, {@code record Foo}, {@code interface Foo},
 *       {@code enum Foo}, annotations allowed before it) and ends with a closing brace at the left margin is a
 *       compilation unit: it is compiled as it stands, in a package of its own.</li>
 *   <li>Any other block is a list of statements: {@code import} lines at its top are hoisted, and the rest becomes
 *       the body of a method {@code void sample() throws Exception} of a class that holds these fields, which
 *       samples may use without declaring them: {@code NeptuneDataClient neptune}, {@code CloudTrailClient
 *       cloudTrail}, {@code Logger log} (SLF4J), {@code String queryId}, {@code String loadId}.</li>
 * </ul>
 * Both get these imports: {@code io.querystop.*}, {@code io.querystop.neptunedata.*}, {@code io.querystop.cloudtrail.*},
 * {@code io.querystop.bulk.*}, {@code io.querystop.emulator.*}, {@code reactor.core.publisher.*},
 * {@code java.time.*}, {@code java.util.*}, {@code java.util.function.*}, {@code java.nio.file.*} and SLF4J's
 * {@code Logger} and {@code LoggerFactory}. The {@code errors} packages are not imported: a sample that uses an error
 * type imports it, so readers see where it lives. Output, shell and other text go in blocks fenced otherwise.
 */
class ReadmeSamplesTests {

    private static final List<String> IMPORTS = List.of("io.querystop.*", "io.querystop.neptunedata.*",
        "io.querystop.cloudtrail.*", "io.querystop.bulk.*", "io.querystop.emulator.*", "reactor.core.publisher.*",
        "java.time.*", "java.util.*", "java.util.function.*", "java.nio.file.*", "org.slf4j.Logger",
        "org.slf4j.LoggerFactory");

    private static final List<String> CONTEXT = List.of(
        "NeptuneDataClient neptune;",
        "CloudTrailClient cloudTrail;",
        "static final Logger log = LoggerFactory.getLogger(\"readme\");",
        "String queryId = \"f43ce17b-db01-4d37-a074-c7d5e11a8e1c\";",
        "String loadId = \"8c71a2b4-1c0e-4f5e-9a3b-5d2e7f10c9aa\";");

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*java\\s*$");
    private static final Pattern TYPE = Pattern.compile(
        "^(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*"
            + "(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
        "^(?:(?:abstract|final|sealed|non-sealed|strictfp)\\s+)*public\\s+(?:(?:abstract|final|sealed|non-sealed|"
            + "strictfp|static)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

    @Test
    void everyJavaSampleInTheReadmeCompiles(@TempDir Path classes) throws IOException {
        Path readme = readme();
        List<Sample> samples = samples(Files.readAllLines(readme, StandardCharsets.UTF_8));

        // Guards the extraction itself: a README that lost its samples, or a fence the pattern misses, must not pass.
        assertThat(samples).as("java samples in %s", readme).hasSizeGreaterThanOrEqualTo(10);
        assertThat(compile(samples, classes)).as("compiler errors in the samples of %s", readme).isEmpty();
    }

    @Test
    void aTypoInASampleFailsWithItsReadmeLine(@TempDir Path classes) {
        List<String> markdown = List.of(
            "# title",
            "```java",
            "neptune.cancelGremlinQuery(queryId).block();",
            "neptune.cancelGremlinQery(queryId).block();",
            "```",
            "text",
            "```java",
            "import io.querystop.neptunedata.errors.NeptuneDataErrors;",
            "",
            "class Sample {",
            "    boolean ok(Throwable e) { return NeptuneDataErrors.isNotRunning(e); }",
            "    boolean typo(Throwable e) { return NeptuneDataErrors.isNotRuning(e); }",
            "}",
            "```",
            "```bash",
            "not java { at all",
            "```",
            "```java",
            "record Pair(String left, String right) { }              // a local record: still statements",
            "Pair pair = new Pair(queryId, loadId);",
            "```");

        List<Sample> samples = samples(markdown);
        List<String> errors = compile(samples, classes);

        assertThat(samples).hasSize(3);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("README.md line 4 (sample at line 2): ").contains("cancelGremlinQery");
        assertThat(errors.get(1)).startsWith("README.md line 12 (sample at line 7): ").contains("isNotRuning");
    }

    /** The README at the root of the repository, found from the working directory (the module's, under Maven). */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("src/querystop"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md beside src/querystop above " + Path.of("").toAbsolutePath());
    }

    /** A {@code ```java} block: the README line of its fence and its lines, the fence's indentation removed. */
    record Sample(int fenceLine, List<String> lines) {
    }

    static List<Sample> samples(List<String> markdown) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < markdown.size(); i++) {
            Matcher fence = FENCE.matcher(markdown.get(i));
            if (!fence.matches()) {
                continue;
            }
            String indent = fence.group(1);
            List<String> lines = new ArrayList<>();
            int j = i + 1;
            for (; j < markdown.size() && !markdown.get(j).trim().equals("```"); j++) {
                String line = markdown.get(j);
                lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
            }
            if (j == markdown.size()) {
                throw new IllegalStateException("README.md line " + (i + 1) + ": ```java block never closed");
            }
            samples.add(new Sample(i + 1, lines));
            i = j;
        }
        return samples;
    }

    /** Source text and, per line of it, the README line it came from (0 for lines the test added). */
    record Unit(String path, List<String> source, List<Integer> readmeLines, Sample sample) {
    }

    static Unit unit(Sample sample) {
        String pkg = "readme.l" + sample.fenceLine();
        List<String> source = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        add(source, origin, "package " + pkg + ";", 0);
        IMPORTS.forEach(name -> add(source, origin, "import " + name + ";", 0));
        String typeName = isCompilationUnit(sample.lines()) ? typeName(sample.lines()) : null;
        if (typeName != null) {
            for (int i = 0; i < sample.lines().size(); i++) {
                add(source, origin, sample.lines().get(i), sample.fenceLine() + 1 + i);
            }
            return new Unit(pkg.replace('.', '/') + "/" + typeName + ".java", source, origin, sample);
        }
        int body = 0;
        for (; body < sample.lines().size(); body++) {
            String line = sample.lines().get(body).trim();
            if (line.startsWith("import ")) {
                add(source, origin, line, sample.fenceLine() + 1 + body);
            } else if (!line.isEmpty()) {
                break;
            }
        }
        add(source, origin, "abstract class Sample {", 0);
        CONTEXT.forEach(field -> add(source, origin, "    " + field, 0));
        add(source, origin, "    void sample() throws Exception {", 0);
        for (int i = body; i < sample.lines().size(); i++) {
            add(source, origin, sample.lines().get(i), sample.fenceLine() + 1 + i);
        }
        add(source, origin, "    }", 0);
        add(source, origin, "}", 0);
        return new Unit(pkg.replace('.', '/') + "/Sample.java", source, origin, sample);
    }

    private static void add(List<String> source, List<Integer> origin, String line, int readmeLine) {
        source.add(line);
        origin.add(readmeLine);
    }

    /** Starts with a type declaration (after imports, annotations, comments) and ends with its closing brace. */
    private static boolean isCompilationUnit(List<String> lines) {
        List<String> code = lines.stream().filter(line -> !line.isBlank()).toList();
        String first = code.stream()
            .filter(line -> !line.startsWith("import ") && !line.startsWith("@") && !line.startsWith("//"))
            .findFirst().orElse("");
        return TYPE.matcher(first).find() && !code.isEmpty() && code.get(code.size() - 1).startsWith("}");
    }

    /** The name the file must have: the public top-level type's, else the first top-level type's; null if none. */
    private static String typeName(List<String> lines) {
        String first = null;
        for (String line : lines) {
            Matcher publicType = PUBLIC_TYPE.matcher(line);
            if (publicType.find()) {
                return publicType.group(1);
            }
            Matcher type = TYPE.matcher(line);
            if (first == null && type.find()) {
                first = type.group(1);
            }
        }
        return first;
    }

    /** Compiles every sample in one pass; returns one message per error, naming the README line. */
    static List<String> compile(List<Sample> samples, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler (the tests run on a JRE?)").isNotNull();
        List<Unit> units = samples.stream().map(ReadmeSamplesTests::unit).toList();
        List<InMemorySource> sources = units.stream().map(InMemorySource::new).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
            "-proc:none", "-encoding", "UTF-8", "-Xlint:none");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
            StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, diagnostics, options, null, sources).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (!(d.getSource() instanceof InMemorySource source)) {
                errors.add("README.md: " + d.getMessage(Locale.ROOT));
                continue;
            }
            Unit unit = source.unit;
            int line = (int) d.getLineNumber();
            int readmeLine = line >= 1 && line <= unit.readmeLines().size() ? unit.readmeLines().get(line - 1) : 0;
            String text = line >= 1 && line <= unit.source().size() ? unit.source().get(line - 1).trim() : "";
            errors.add(String.format(Locale.ROOT, "README.md line %s (sample at line %d): %s%n    %s",
                readmeLine == 0 ? "?" : String.valueOf(readmeLine), unit.sample().fenceLine(),
                d.getMessage(Locale.ROOT), text));
        }
        return errors;
    }

    private static final class InMemorySource extends SimpleJavaFileObject {

        final Unit unit;

        InMemorySource(Unit unit) {
            super(URI.create("string:///" + unit.path()), Kind.SOURCE);
            this.unit = unit;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return String.join("\n", unit.source()) + "\n";
        }

        @Override
        public String toString() {
            return unit.path() + " (README.md line " + unit.sample().fenceLine() + ")";
        }
    }
}

package org.chainkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chainkg.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands work as written, so the README cannot rot. */
class ReadmeTest {
    static final String JAR = "java -jar target/chainkg.jar ";
    @TempDir Path tmp;

    @Test
    void everyCommandLineExampleRuns() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> commands = lines.stream().filter(l -> l.startsWith(JAR) && !l.startsWith(JAR + "serve")).toList();
        assertTrue(commands.size() >= 10, "README examples: " + commands);
        String db = tmp.resolve("chainkg-db").toString();
        for (String command : commands) {
            List<String> args = words(command.substring(JAR.length()));
            args.replaceAll(a -> a.equals("chainkg-db") ? db : a);
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), command + "\n" + r.err());
            if (!command.contains(" load ") && !command.contains("validate") && !command.contains(" derive ") && !command.contains(" compact "))
                assertFalse(r.out().isBlank(), "no output from: " + command);
        }
    }

    @Test
    void quickStartCommandsAndCiAgree() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("mvn -q -B -DskipTests package && java -jar target/chainkg.jar serve\n"));
        assertTrue(readme.contains("```sh\nmvn -B test\n```"));
        List<String> ci = Files.readAllLines(Path.of(".ci/run"));
        assertEquals("mvn -B test", ci.get(ci.size() - 1));
    }

    /** Splits a command line into words as a POSIX shell would for simple quoting ('...' and "..."). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0; else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) { out.add(cur.toString()); cur.setLength(0); inWord = false; }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(cur.toString());
        return out;
    }
}

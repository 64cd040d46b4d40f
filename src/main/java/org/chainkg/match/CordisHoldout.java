package org.chainkg.match;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Splits a CORDIS extract (organizations.csv and, when present, project-topics.csv) into a training extract and a
 * truth file, by project: the project ids, sorted, are shuffled with {@code java.util.Random(seed)} and the first
 * {@code round(holdout × projects)} are hidden. Written to OUT_DIR:
 * <ul>
 * <li>{@code train/organizations.csv}, {@code train/project-topics.csv}: the rows of the kept projects, unchanged
 *     (every field quoted, as CORDIS writes them) — load this;</li>
 * <li>{@code hidden/...}: the rows of the hidden projects, for reference;</li>
 * <li>{@code truth.csv}: {@code lab_id,firm_id}, every pair of a research organisation (activity type HES or REC)
 *     and a company (PRC) taking part in the same hidden project, once, sorted.</li>
 * </ul>
 * <pre>
 * CordisHoldout.Summary s = CordisHoldout.split(Path.of("data/cordis-h2020"), Path.of("/tmp/split"), 7, 0.3);
 * </pre>
 */
public final class CordisHoldout {
    public static final String ORGANISATIONS = "organizations.csv";
    public static final String TOPICS = "project-topics.csv";
    public static final String TRUTH = "truth.csv";

    public record Summary(int projects, int hidden, int trainRows, int hiddenRows, int pairs) {}

    public static Summary split(Path in, Path out, long seed, double holdout) {
        if (holdout <= 0 || holdout >= 1) throw new IllegalArgumentException("--holdout must be between 0 and 1 (e.g. 0.3), not " + holdout);
        Path orgFile = in.resolve(ORGANISATIONS);
        if (!Files.isRegularFile(orgFile)) throw new IllegalArgumentException(in + ": no " + ORGANISATIONS + " (a CORDIS extract folder is needed)");
        Table orgs = read(orgFile);
        int project = orgs.column("projectID"), org = orgs.column("organisationID"), activity = orgs.column("activityType");
        List<String> ids = new ArrayList<>(new TreeSet<>(orgs.rows.stream().map(r -> r.get(project)).toList()));
        Collections.shuffle(ids, new Random(seed));
        Set<String> hidden = new HashSet<>(ids.subList(0, (int) Math.round(holdout * ids.size())));

        Table train = orgs.empty(), held = orgs.empty();
        Map<String, List<List<String>>> hiddenByProject = new LinkedHashMap<>();
        for (List<String> r : orgs.rows) {
            if (hidden.contains(r.get(project))) {
                held.rows.add(r);
                hiddenByProject.computeIfAbsent(r.get(project), k -> new ArrayList<>()).add(r);
            } else {
                train.rows.add(r);
            }
        }
        write(train, out.resolve("train").resolve(ORGANISATIONS));
        write(held, out.resolve("hidden").resolve(ORGANISATIONS));
        Path topicFile = in.resolve(TOPICS);
        if (Files.isRegularFile(topicFile)) {
            Table topics = read(topicFile);
            int tp = topics.column("projectID");
            Table trainTopics = topics.empty(), heldTopics = topics.empty();
            for (List<String> r : topics.rows) (hidden.contains(r.get(tp)) ? heldTopics : trainTopics).rows.add(r);
            write(trainTopics, out.resolve("train").resolve(TOPICS));
            write(heldTopics, out.resolve("hidden").resolve(TOPICS));
        }
        Set<String> pairs = new TreeSet<>();
        for (List<List<String>> rows : hiddenByProject.values())
            for (List<String> a : rows)
                if (a.get(activity).equals("HES") || a.get(activity).equals("REC"))
                    for (List<String> b : rows)
                        if (b.get(activity).equals("PRC") && !a.get(org).equals(b.get(org)))
                            pairs.add(a.get(org) + "," + b.get(org));
        try (Writer w = Files.newBufferedWriter(out.resolve(TRUTH), StandardCharsets.UTF_8)) {
            w.write("lab_id,firm_id\n");
            for (String p : pairs) w.write(p + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(ids.size(), hidden.size(), train.rows.size(), held.rows.size(), pairs.size());
    }

    /** A CSV file as its header and rows of strings. */
    private record Table(List<String> header, List<List<String>> rows) {
        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
            return i;
        }
        Table empty() { return new Table(header, new ArrayList<>()); }
    }

    private static Table read(Path file) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(r)) {
            List<String> header = new ArrayList<>(it.next());
            if (!header.isEmpty()) header.set(0, header.get(0).replace("\uFEFF", ""));
            List<List<String>> rows = new ArrayList<>();
            while (it.hasNext()) rows.add(it.next());
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Table t, Path file) {
        CsvMapper mapper = new CsvMapper().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                var writer = mapper.writerFor(List.class).with(CsvSchema.emptySchema().withLineSeparator("\n"));
                List<List<String>> all = new ArrayList<>();
                all.add(t.header);
                all.addAll(t.rows);
                writer.writeValues(w).writeAll(all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private CordisHoldout() {}
}

package org.chainkg.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Synthetic papers as OpenAlex works in JSON Lines (as in the OpenAlex snapshot), split into files of 50,000
 * works. Authorship institutions are drawn by size: labs mostly, and in about one paper in six a firm (an
 * OpenAlex "company" institution), which makes the lab-firm co-publications. Each record carries
 * {@code "synthetic": true}. No firm of an island item's country co-authors a paper on it; after the drawn papers
 * come two to four papers per island item by a research organisation of that country ({@link World#islandOutputs}).
 */
final class OpenAlexFiles {
    static final int PER_FILE = 50_000;
    private static final JsonFactory JSON = new JsonFactory();

    static long write(World world, Path dir, Sampler random) {
        int n = Math.max(250, (int) Math.round(12_000 * world.scale));
        Texts texts = new Texts(random);
        List<World.IslandOutput> islands = world.islandOutputs(random, 2, 4, 2012, 0.4, 0.08);
        int total = n + islands.size();
        try {
            Files.createDirectories(dir);
            long written = 0;
            for (int file = 0; written < total; file++) {
                Path path = dir.resolve(String.format("works-%03d.jsonl", file));
                try (OutputStream out = Files.newOutputStream(path)) {
                    for (int k = 0; k < PER_FILE && written < total; k++, written++)
                        work(world, random, texts, (int) written, written < n ? null : islands.get((int) written - n), out);
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One work: drawn at random, or the given island output. */
    private static void work(World world, Sampler random, Texts texts, int i, World.IslandOutput island, OutputStream out) throws IOException {
        ChainModel chain = island != null ? island.chain() : world.chains.get(random.nextInt(world.chains.size()));
        ChainModel.Item item = island != null ? island.item() : chain.outputItem(random);
        int year = island != null ? island.year() : 2012 + random.nextInt(13);
        List<World.Org> institutions = new ArrayList<>();
        if (island != null) {
            institutions.addAll(island.holders());
        } else {
            institutions.add(world.lab(random));
            for (int k = random.between(0, 3); k > 0; k--) institutions.add(world.lab(random));
            if (random.chance(0.17)) institutions.add(world.firm(random, chain.islandCountry(item)));
        }
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeStringField("id", "https://openalex.org/W" + (9_100_000_000L + i));
        g.writeStringField("doi", "https://doi.org/10.99999/synthetic." + i);
        String title = texts.paperTitle(item, chain.domain);
        g.writeStringField("title", title);
        g.writeStringField("display_name", title);
        g.writeNumberField("publication_year", year);
        g.writeStringField("publication_date", String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        g.writeStringField("language", "en");
        g.writeStringField("type", "article");
        g.writeBooleanField("synthetic", true);
        g.writeArrayFieldStart("authorships");
        for (int a = 0; a < institutions.size(); a++) {
            World.Org o = institutions.get(a);
            g.writeStartObject();
            g.writeStringField("author_position", a == 0 ? "first" : a == institutions.size() - 1 ? "last" : "middle");
            g.writeObjectFieldStart("author");
            g.writeStringField("id", "https://openalex.org/A" + (9_200_000_000L + (long) i * 8 + a));
            g.writeStringField("display_name", "Synthetic Author " + (i * 8 + a));
            g.writeEndObject();
            g.writeArrayFieldStart("institutions");
            institution(g, o);
            g.writeEndArray();
            g.writeArrayFieldStart("countries");
            g.writeString(o.country().alpha2());
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        String topic = topicId(chain, item);
        g.writeObjectFieldStart("primary_topic");
        topic(g, chain, topic);
        g.writeEndObject();
        g.writeArrayFieldStart("topics");
        g.writeStartObject();
        topic(g, chain, topic);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("abstract_inverted_index");
        Map<String, List<Integer>> index = new LinkedHashMap<>();
        String[] words = texts.abstractText(item, chain.domain).split(" ");
        for (int w = 0; w < words.length; w++) index.computeIfAbsent(words[w], x -> new ArrayList<>()).add(w);
        for (Map.Entry<String, List<Integer>> e : index.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (int p : e.getValue()) g.writeNumber(p);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("referenced_works");
        for (int r = i == 0 ? 0 : random.between(0, 4); r > 0; r--)
            g.writeString("https://openalex.org/W" + (9_100_000_000L + random.nextInt(i)));
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    private static void institution(JsonGenerator g, World.Org o) throws IOException {
        g.writeStartObject();
        String id = "https://openalex.org/I" + o.openalexId();
        g.writeStringField("id", id);
        // OpenAlex names firms "Name (Country)"; the resolver's normaliser drops the parenthesis.
        g.writeStringField("display_name", o.firm() ? o.name() + " (" + new java.util.Locale("", o.country().alpha2())
            .getDisplayCountry(java.util.Locale.ENGLISH) + ")" : o.name());
        if (o.ror() != null) g.writeStringField("ror", "https://ror.org/" + o.ror());
        g.writeStringField("country_code", o.country().alpha2());
        g.writeStringField("type", o.firm() ? "company" : o.kind().equals("university") ? "education" : "facility");
        g.writeArrayFieldStart("lineage");
        g.writeString(id);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Six topics per chain; an item's papers fall under one of them. */
    private static String topicId(ChainModel chain, ChainModel.Item item) {
        return "https://openalex.org/T" + (90_000 + chain.number * 10 + Math.floorMod(item.id().hashCode(), 6));
    }

    private static void topic(JsonGenerator g, ChainModel chain, String id) throws IOException {
        int k = Integer.parseInt(id.substring(id.lastIndexOf('T') + 1)) % 10;
        g.writeStringField("id", id);
        g.writeStringField("display_name", "Synthetic topic " + k + ": " + chain.domain.cores().get(k) + " in " + chain.domain.name());
        g.writeObjectFieldStart("subfield");
        g.writeStringField("id", "https://openalex.org/subfields/99" + String.format("%02d", chain.number));
        g.writeStringField("display_name", "Synthetic subfield: " + chain.domain.name());
        g.writeEndObject();
        g.writeObjectFieldStart("field");
        g.writeStringField("id", "https://openalex.org/fields/99");
        g.writeStringField("display_name", "Synthetic field: engineering");
        g.writeEndObject();
        g.writeObjectFieldStart("domain");
        g.writeStringField("id", "https://openalex.org/domains/9");
        g.writeStringField("display_name", "Synthetic domain: physical sciences");
        g.writeEndObject();
    }

    private OpenAlexFiles() {}
}

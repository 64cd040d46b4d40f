package org.chainkg.source.openalex;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.TripleWriter;

/**
 * An OpenAlex work (W...) as a {@code ck:Publication}: title, abstract rebuilt from the inverted index, dates,
 * DOI, author institutions and their countries, topics and referenced works.
 */
final class OpenAlexWorks {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:)", Pattern.CASE_INSENSITIVE);

    private final OpenAlexNodes nodes;
    private final TripleWriter out;

    OpenAlexWorks(OpenAlexNodes nodes) {
        this.nodes = nodes;
        this.out = nodes.out();
    }

    void write(JsonNode w, String id) {
        Node work = OpenAlexNodes.iri(id);
        out.type(work, CK.Publication, CK.ResearchOutput);
        out.text(work, DCTerms.identifier.asNode(), id);
        // The work's (detected) language tags its title and abstract when it is a plain language code.
        String language = nodes.text(w, "language", "").toLowerCase(Locale.ROOT);
        String lang = LANGUAGE.matcher(language).matches() ? language : null;
        String title = nodes.text(w, "title", "");
        text(work, DCTerms.title.asNode(), OpenAlexNodes.collapse(title.isEmpty() ? nodes.text(w, "display_name", "") : title), lang);
        text(work, DCTerms.abstract_.asNode(), abstractText(w.get("abstract_inverted_index")), lang);
        date(work, nodes.text(w, "publication_date", ""));
        year(work, w.get("publication_year"));
        doi(work, nodes.text(w, "doi", ""));
        List<JsonNode> authorships = nodes.list(w, "authorships", "");
        for (int a = 0; a < authorships.size(); a++) {
            String ap = "authorships[" + a + "]";
            List<JsonNode> institutions = nodes.list(authorships.get(a), "institutions", ap);
            for (int i = 0; i < institutions.size(); i++) {
                String ip = ap + ".institutions[" + i + "]";
                out.add(work, CK.affiliation, nodes.institution(institutions.get(i), ip));
                nodes.country(nodes.text(institutions.get(i), "country_code", ip), ip + ".country_code")
                    .ifPresent(c -> out.add(work, CK.authorCountry, c));
            }
            List<JsonNode> countries = nodes.list(authorships.get(a), "countries", ap);
            for (int c = 0; c < countries.size(); c++)
                nodes.country(countries.get(c).asText(""), ap + ".countries[" + c + "]")
                    .ifPresent(n -> out.add(work, CK.authorCountry, n));
        }
        JsonNode primary = w.get("primary_topic");
        if (primary != null && !primary.isNull())
            out.add(work, CK.topic, nodes.topic(primary, "primary_topic"));
        List<JsonNode> topics = nodes.list(w, "topics", "");
        for (int t = 0; t < topics.size(); t++)
            out.add(work, CK.topic, nodes.topic(topics.get(t), "topics[" + t + "]"));
        List<JsonNode> refs = nodes.list(w, "referenced_works", "");
        for (int r = 0; r < refs.size(); r++)
            out.add(work, CK.cites, OpenAlexNodes.iri(nodes.id(refs.get(r).asText(""), "referenced_works[" + r + "]", "W")));
        nodes.source(work);
    }

    private void text(Node s, Node p, String value, String lang) {
        if (lang == null) out.text(s, p, value);
        else out.text(s, p, value, lang);
    }

    private void date(Node work, String date) {
        if (date.isEmpty()) return;
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw nodes.error("publication_date", "\"" + date + "\" is not a date in the form YYYY-MM-DD");
        }
        out.typed(work, DCTerms.issued.asNode(), date, XSDDatatype.XSDdate);
    }

    private void year(Node work, JsonNode year) {
        if (year == null || year.isNull()) return;
        if (!year.canConvertToInt() || !year.isIntegralNumber())
            throw nodes.error("publication_year", "\"" + year.asText() + "\" is not a year (a whole number such as 2018)");
        out.typed(work, CK.year, String.format("%04d", year.intValue()), XSDDatatype.XSDgYear);
    }

    /** "https://doi.org/10.7717/PeerJ.4375" -> "10.7717/peerj.4375". */
    private void doi(Node work, String raw) {
        if (raw.isEmpty()) return;
        String doi = DOI_PREFIX.matcher(raw.trim()).replaceFirst("").toLowerCase(Locale.ROOT);
        if (!doi.startsWith("10.") || !doi.contains("/"))
            throw nodes.error("doi", "\"" + raw + "\" is not a DOI (e.g. https://doi.org/10.7717/peerj.4375)");
        out.text(work, CK.doi, doi);
    }

    /**
     * The abstract from OpenAlex's inverted index ({"word": [positions]}): each word put at its positions and
     * the words joined by single spaces in position order.
     */
    String abstractText(JsonNode index) {
        if (index == null || index.isNull()) return "";
        if (!index.isObject())
            throw nodes.error("abstract_inverted_index", "expected an object of word -> positions");
        Map<Integer, String> words = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "abstract_inverted_index" + OpenAlexNodes.key(e.getKey());
            if (!e.getValue().isArray())
                throw nodes.error(path, "expected the list of positions of the word \"" + e.getKey() + "\"");
            for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode p = e.getValue().get(i);
                if (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 0)
                    throw nodes.error(path + "[" + i + "]", "position " + p + " of the word \"" + e.getKey()
                        + "\" is not a whole number from 0 up (the abstract is rebuilt from word positions)");
                String before = words.put(p.intValue(), e.getKey());
                if (before != null && !before.equals(e.getKey()))
                    throw nodes.error(path + "[" + i + "]", "position " + p.intValue() + " is given to both \""
                                                            + before + "\" and \"" + e.getKey() + "\"");
            }
        }
        return String.join(" ", words.values());
    }
}

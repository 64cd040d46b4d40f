package org.chainkg.source.cordis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;

/**
 * The rows of a CORDIS project topics CSV (projectID, topic, title): the project gets ck:topic the call topic
 * {@code id/cordis/topic/CODE}, a ck:Technology and skos:Concept with skos:notation the code, skos:prefLabel the
 * title (English) and skos:inScheme {@code id/cordis-topics} (a ck:TechnologyScheme), written once per code with
 * the ck:sourceLine of its first row. A topic row's project must have participation rows in the organisations
 * file(s), and a topic code keeps one title.
 */
final class CordisTopics {
    static final Node SCHEME = Iris.instance("cordis-topics");

    private final TripleWriter out;
    private final CordisParticipations participations;
    /** Topic code -> its title and the line of its first row. */
    private final Map<String, Topic> topics = new HashMap<>();

    private record Topic(String title, long line) {}

    CordisTopics(TripleWriter out, CordisParticipations participations) {
        this.out = out;
        this.participations = participations;
    }

    long read(Path path, Node file) {
        try (CsvRecords csv = CsvRecords.open(path, CordisReader.TOPIC_COLUMNS)) {
            for (CsvRecord r : csv) {
                String projectId = r.require("projectID");
                if (!participations.hasProject(projectId))
                    throw r.error("projectID", "project " + projectId + " has no rows in the organisations file "
                        + "(give the topics file of the same CORDIS extract)");
                String code = r.require("topic");
                String title = r.get("title");
                Node topic = Iris.instance("cordis", "topic", code);
                Topic first = topics.putIfAbsent(code, new Topic(title, r.line()));
                if (first == null) {
                    if (topics.size() == 1) {
                        out.type(SCHEME, CK.TechnologyScheme, SKOS.ConceptScheme.asNode());
                        out.text(SCHEME, SKOS.prefLabel.asNode(), "CORDIS funding-call topics", "en");
                    }
                    out.type(topic, CK.Technology, SKOS.Concept.asNode());
                    out.text(topic, SKOS.notation.asNode(), code);
                    out.text(topic, SKOS.prefLabel.asNode(), title, "en");
                    out.add(topic, SKOS.inScheme.asNode(), SCHEME);
                    out.integer(topic, CK.sourceLine, r.line());
                    out.add(topic, CK.sourceFile, file);
                } else if (!first.title().equals(title)) {
                    throw r.error("title", "topic " + code + " is titled \"" + title + "\" here but \"" + first.title()
                        + "\" at line " + first.line() + " (one topic, one title)");
                }
                out.add(CordisParticipations.project(projectId), CK.topic, topic);
            }
            return csv.count();
        }
    }
}

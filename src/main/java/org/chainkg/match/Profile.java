package org.chainkg.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * One canonical organisation as matching sees it (filled by {@link OrganisationProfiles}): kind, country, the
 * projects and outputs it has ({@code things}), its partners on them, its technology-code vectors, its text, the
 * chain items its outputs bear on and the items it supplies or uses.
 */
public final class Profile {
    public final Node iri;
    String label;
    String country;
    boolean research;
    boolean firm;
    int projects;
    final Set<Node> things = new HashSet<>();
    final Set<Profile> partners = new HashSet<>();
    final Map<String, Double> codes = new HashMap<>();
    final Map<String, Double> broadCodes = new HashMap<>();
    final Set<String> text = new LinkedHashSet<>();
    /** Chain item -> number of this organisation's outputs bearing on it. */
    final Map<Node, Integer> researched = new HashMap<>();
    /** Chain item -> its outputs bearing on it, each with the evidence: "US11556066B2 (G03F 7/70775)", "… (text link)". */
    final Map<Node, Set<String>> evidence = new HashMap<>();
    final Set<Node> supplied = new LinkedHashSet<>();
    final Set<Node> used = new LinkedHashSet<>();

    Profile(Node iri) {
        this.iri = iri;
    }

    /** The last path segment of the canonical IRI, e.g. {@code pic-999901318}. */
    public String key() {
        String u = iri.getURI();
        return u.substring(u.lastIndexOf('/') + 1);
    }

    public String label() { return label == null ? key() : label; }
    public String country() { return country; }
    public boolean isResearch() { return research; }
    public boolean isFirm() { return firm; }

    /** Projects it takes part in (CORDIS participations): the popularity baseline's count. */
    public int projects() { return projects; }

    /** Projects and outputs together. */
    public int activity() { return things.size(); }

    public String kind() {
        return research && firm ? "research organisation; firm" : research ? "research organisation" : firm ? "firm" : "organisation";
    }

    /** Projects and outputs this organisation shares with another (their co-participation history). */
    List<Node> shared(Profile other) {
        List<Node> out = new ArrayList<>();
        Set<Node> small = things.size() <= other.things.size() ? things : other.things;
        Set<Node> large = small == things ? other.things : things;
        for (Node t : small) if (large.contains(t)) out.add(t);
        return out;
    }

    String document() {
        return String.join("\n", text);
    }

    @Override
    public String toString() { return key(); }
}

package org.chainkg.source.ppubs;

import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * The text clean-up Patent Public Search values need: abstracts come as HTML ({@code <br />}, {@code <b>},
 * entities such as {@code &quot;}), titles and ids may carry search-highlight tags
 * ({@code <span term=".." class="highlight18">..</span>}), names are HTML-escaped ({@code AT&amp;T}). No HTML
 * library is on chainkg's class path, so tags are removed by a minimal rule (anything from {@code <} + letter or
 * {@code /} to the next {@code >}; a line break tag becomes a space) and entities are decoded with Apache Commons
 * Text; this is enough for the patent abstracts seen (tags b, br, sub, sup, i, span), not a general HTML parser.
 */
final class PpubsText {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    /** Titles the service prints for records whose text it does not hold (1911-era grants, OCR-scanned documents). */
    private static final Set<String> NO_TITLE = Set.of("TEXT NOT AVAILABLE", "OCR SCANNED DOCUMENT");

    /** HTML or highlighted text as plain text, white space collapsed. */
    static String plain(String html) {
        if (html == null) return "";
        String s = BREAK.matcher(html).replaceAll(" ");
        s = TAG.matcher(s).replaceAll("");
        s = StringEscapeUtils.unescapeHtml4(s);
        return collapse(s);
    }

    /** A title as plain text, or "" for the service's placeholders ("TEXT NOT AVAILABLE", "OCR SCANNED DOCUMENT"). */
    static String title(String raw) {
        String t = plain(raw);
        return NO_TITLE.contains(t) ? "" : t;
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private PpubsText() {}
}

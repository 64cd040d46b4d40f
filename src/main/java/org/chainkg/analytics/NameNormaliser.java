package org.chainkg.analytics;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises organisation names for matching across sources: Unicode compatibility forms, case, accents,
 * punctuation, a parenthesised country or unit, legal-form words in English, German, French, Dutch, Nordic,
 * Japanese and Chinese (Ltd, Inc., GmbH, S.A., B.V., 株式会社, 有限公司 ...) and a trailing country name.
 * <pre>
 *   normalise("ASML Netherlands B.V.")        -> "asml"
 *   normalise("TOKYO ELECTRON LIMITED")       -> "tokyo electron"
 *   normalise("東京エレクトロン株式会社")         -> "東京エレクトロン"
 * </pre>
 */
public final class NameNormaliser {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PARENS = Pattern.compile("[(（\\[][^)）\\]]*[)）\\]]");
    private static final Pattern CJK_FORMS = Pattern.compile("株式会社|有限会社|合同会社|股份有限公司|有限责任公司|有限責任公司|有限公司|集团有限公司");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal-form words, as token sequences, removed from the end (repeatedly) and "the" from the start. */
    private static final List<List<String>> LEGAL = List.of(
        List.of("kabushiki", "kaisha"), List.of("co", "ltd"), List.of("s", "a"), List.of("b", "v"), List.of("n", "v"),
        List.of("e", "v"), List.of("k", "k"), List.of("s", "r", "l"), List.of("s", "p", "a"), List.of("a", "s"),
        List.of("gmbh", "co", "kg"), List.of("pte", "ltd"), List.of("pty", "ltd"), List.of("ltd"), List.of("limited"),
        List.of("inc"), List.of("incorporated"), List.of("corp"), List.of("corporation"), List.of("co"),
        List.of("company"), List.of("llc"), List.of("plc"), List.of("lp"), List.of("llp"), List.of("gmbh"),
        List.of("mbh"), List.of("ag"), List.of("kg"), List.of("se"), List.of("sa"), List.of("sas"), List.of("sarl"),
        List.of("srl"), List.of("spa"), List.of("bv"), List.of("nv"), List.of("ab"), List.of("oy"), List.of("oyj"),
        List.of("as"), List.of("aps"), List.of("asa"), List.of("kk"), List.of("ev"), List.of("ug"), List.of("sl"),
        List.of("sro"), List.of("zrt"), List.of("kft"));
    /** Country names that sources append to a firm's name ("ASML Netherlands B.V.", "Sony (Japan)"). */
    private static final Set<String> COUNTRIES = Set.of("netherlands", "japan", "usa", "us", "america", "germany",
        "deutschland", "korea", "china", "taiwan", "france", "uk", "singapore", "switzerland", "austria", "italy",
        "sweden", "israel", "belgium", "europe", "international");

    /** The normalised form; "" when nothing is left. */
    public static String normalise(String name) {
        if (name == null) return "";
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace("ß", "ss");
        s = PARENS.matcher(s).replaceAll(" ");
        s = CJK_FORMS.matcher(s).replaceAll(" ");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        List<String> tokens = new java.util.ArrayList<>(List.of(NON_WORD.matcher(s).replaceAll(" ").trim().split(" +")));
        tokens.removeIf(String::isEmpty);
        if (!tokens.isEmpty() && tokens.get(0).equals("the") && tokens.size() > 1) tokens.remove(0);
        boolean changed = true;
        while (changed && tokens.size() > 1) {
            changed = false;
            for (List<String> form : LEGAL) {
                if (tokens.size() > form.size() && tokens.subList(tokens.size() - form.size(), tokens.size()).equals(form)) {
                    tokens.subList(tokens.size() - form.size(), tokens.size()).clear();
                    changed = true;
                    break;
                }
            }
            if (!changed && tokens.size() > 1 && COUNTRIES.contains(tokens.get(tokens.size() - 1))) {
                tokens.remove(tokens.size() - 1);
                changed = true;
            }
        }
        return String.join(" ", tokens);
    }

    private NameNormaliser() {}
}

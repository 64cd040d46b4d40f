package org.chainkg.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page language, en (default) or zh, from {@code ?lang=}, kept across pages by {@link #url}: the messages
 * ({@code messages_en.properties}, {@code messages_zh.properties} beside this class) and number formatting by locale.
 */
public final class Lang {
    private static final Map<String, Properties> MESSAGES = Map.of("en", load("en"), "zh", load("zh"));

    public final String code;
    private final Properties messages;
    private final Locale locale;

    private Lang(String code) {
        this.code = code;
        this.messages = MESSAGES.get(code);
        this.locale = code.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.UK;
    }

    /** The request's language: {@code lang=zh} or {@code lang=en}; any other value is refused (400). */
    public static Lang of(HttpServletRequest req) {
        String l = req.getParameter("lang");
        if (l == null || l.isBlank()) return new Lang("en");
        if (!MESSAGES.containsKey(l)) throw new IllegalArgumentException("lang: '" + l + "' is not a page language (use en or zh)");
        return new Lang(l);
    }

    public static Lang en() { return new Lang("en"); }

    public boolean zh() { return code.equals("zh"); }

    /** The message for a key; a missing key fails loudly (a test renders every page in both languages). */
    public String t(String key) {
        String v = messages.getProperty(key);
        if (v == null) throw new IllegalStateException("no " + code + " message for '" + key + "'");
        return v;
    }

    /** A page URL with this language kept: {@code url("/country/CHN")} -> {@code /country/CHN?lang=zh}. */
    public String url(String path) {
        if (!zh()) return path;
        return path + (path.contains("?") ? "&" : "?") + "lang=zh";
    }

    /** The same page in the other language. */
    public String switchUrl(HttpServletRequest req) {
        StringBuilder q = new StringBuilder();
        req.getParameterMap().forEach((k, vs) -> {
            if (k.equals("lang")) return;
            for (String v : vs) q.append(q.length() == 0 ? "?" : "&").append(enc(k)).append('=').append(enc(v));
        });
        String other = zh() ? "en" : "zh";
        String path = req.getRequestURI();
        return path + q + (q.length() == 0 ? "?" : "&") + "lang=" + other;
    }

    /** A number for this locale, at most {@code digits} decimals ("" when not a number). */
    public String number(String value, int digits) {
        if (value == null || value.isBlank()) return "";
        try {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(digits);
            return f.format(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Properties load(String code) {
        Properties p = new Properties();
        try (var in = Lang.class.getResourceAsStream("messages_" + code + ".properties")) {
            if (in == null) throw new IllegalStateException("messages_" + code + ".properties is missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

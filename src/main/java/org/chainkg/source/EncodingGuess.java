package org.chainkg.source;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Suggests the encoding of a text file that is not UTF-8, from its bytes: each candidate single-byte encoding decodes
 * the bytes above 0x7F, and the one that turns most of them into punctuation (curly quotes, dashes, ellipses, bullets)
 * wins, since in running text most non-ASCII bytes of a Western file are typographic punctuation. Mac OS Roman writes
 * “ ” as 0xD2 0xD3, which Windows-1252 reads as the letters Ò Ó; Windows-1252 writes them as 0x93 0x94, which Mac OS
 * Roman reads as ì î. On a tie (only accented letters, say) Windows-1252, the more common, is suggested.
 */
public final class EncodingGuess {
    private static final List<Charset> CANDIDATES = List.of(Charset.forName("windows-1252"), Charset.forName("x-MacRoman"));

    /** The likely encoding of these bytes (a file's first bytes, at least the line that failed). */
    public static Charset likely(byte[] bytes, int length) {
        Charset best = CANDIDATES.get(0);
        int bestScore = Integer.MIN_VALUE;
        for (Charset cs : CANDIDATES) {
            int score = score(bytes, length, cs);
            if (score > bestScore) { best = cs; bestScore = score; }
        }
        return best;
    }

    private static int score(byte[] bytes, int length, Charset cs) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        int score = 0;
        for (int i = 0; i < length; i++) {
            if ((bytes[i] & 0x80) == 0) continue;
            char c;
            try {
                c = d.reset().decode(ByteBuffer.wrap(bytes, i, 1)).charAt(0);
            } catch (java.nio.charset.CharacterCodingException e) {
                c = '\uFFFD';
            }
            switch (Character.getType(c)) {
                case Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.DASH_PUNCTUATION,
                     Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION -> score += 2;
                case Character.CONTROL, Character.UNASSIGNED -> score -= 2;
                default -> { if (c == '\uFFFD') score -= 2; }
            }
        }
        return score;
    }

    private EncodingGuess() {}
}

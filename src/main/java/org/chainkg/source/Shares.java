package org.chainkg.source;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shares from volumes, as the production-statistics readers (USGS, IEA, PV_ICE) define them:
 * share(country) = volume(country) / world total × 100, where the world total is the source's own "World total"
 * figure when it gives one, else the sum of every listed row including the unattributed residue ("Other
 * countries", "Rest of world"). A row whose figure is withheld or missing has an unknown share, never 0; when the
 * world total must be summed and any row is unknown, the sum is incomplete and every share of the item is unknown.
 * Shares are rounded to six significant digits.
 */
public final class Shares {
    private static final MathContext DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The world total the shares divide by, and whether it is the source's own figure. */
    public record Total(BigDecimal value, boolean stated) {}

    /**
     * The total to divide by: the stated world total if known, else the sum of the rows if all are known, else
     * empty (every share unknown). A total of 0 gives no shares either.
     */
    public static Optional<Total> total(BigDecimal statedWorldTotal, List<BigDecimal> volumes) {
        if (statedWorldTotal != null)
            return statedWorldTotal.signum() > 0 ? Optional.of(new Total(statedWorldTotal, true)) : Optional.empty();
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : volumes) {
            if (v == null) return Optional.empty();
            sum = sum.add(v);
        }
        return sum.signum() > 0 ? Optional.of(new Total(sum, false)) : Optional.empty();
    }

    /** volume / total × 100, or empty when either is unknown. */
    public static Optional<BigDecimal> share(BigDecimal volume, Optional<Total> total) {
        if (volume == null || total.isEmpty()) return Optional.empty();
        BigDecimal s = volume.multiply(HUNDRED).divide(total.get().value(), DIGITS);
        return Optional.of(s.signum() == 0 ? BigDecimal.ZERO : s.stripTrailingZeros());
    }

    /** All shares of one item, in row order. */
    public static List<Optional<BigDecimal>> shares(BigDecimal statedWorldTotal, List<BigDecimal> volumes) {
        Optional<Total> total = total(statedWorldTotal, volumes);
        List<Optional<BigDecimal>> out = new ArrayList<>(volumes.size());
        for (BigDecimal v : volumes) out.add(share(v, total));
        return out;
    }

    private Shares() {}
}

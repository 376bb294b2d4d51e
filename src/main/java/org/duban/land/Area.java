package org.duban.land;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.duban.common.DubanException;

/**
 * Areas are held in mu (亩), exactly, with at most four decimals: the unit and precision the documents
 * use. Square metres and hectares are derived and rounded half-up, square metres to 2 decimals and
 * hectares to 4 (1 mu = 10000/15 m², 1 ha = 15 mu). An area given in square metres becomes mu with the
 * same rule: m² × 15 / 10000, rounded half-up to 4 decimals.
 */
public final class Area {

    public static final int MU_SCALE = 4;
    private static final BigDecimal SQUARE_METRES_PER_15_MU = BigDecimal.valueOf(10_000);
    private static final BigDecimal MU_PER_HECTARE = BigDecimal.valueOf(15);

    private Area() {
    }

    public static BigDecimal squareMetres(BigDecimal mu) {
        return mu.multiply(SQUARE_METRES_PER_15_MU).divide(MU_PER_HECTARE, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal hectares(BigDecimal mu) {
        return mu.divide(MU_PER_HECTARE, 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal muFromSquareMetres(BigDecimal squareMetres) {
        return squareMetres.multiply(MU_PER_HECTARE).divide(SQUARE_METRES_PER_15_MU, MU_SCALE, RoundingMode.HALF_UP);
    }

    /** A parcel's or a quota's area: positive, at most 4 decimals. VALIDATION on {@code field} otherwise. */
    public static BigDecimal requireMu(BigDecimal mu, String field) {
        if (mu == null) {
            throw DubanException.validation(field, "is required");
        }
        if (mu.signum() <= 0) {
            throw DubanException.validation(field, "must be more than 0 mu, was " + mu.toPlainString());
        }
        if (mu.stripTrailingZeros().scale() > MU_SCALE) {
            throw DubanException.validation(field, "has more than " + MU_SCALE + " decimals: " + mu.toPlainString());
        }
        if (mu.precision() - mu.scale() > 10) {
            throw DubanException.validation(field, "is too large: " + mu.toPlainString());
        }
        return mu.setScale(MU_SCALE, RoundingMode.UNNECESSARY);
    }

    /** Part of a whole in percent, two decimals, half-up; 0 of nothing is 0. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}

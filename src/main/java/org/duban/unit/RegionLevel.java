package org.duban.unit;

import org.eclipse.microprofile.graphql.Enum;

/** The level of an administrative division, as its code (GB/T 2260, and the 9- or 12-digit township codes) tells it. */
@Enum("RegionLevel")
public enum RegionLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP;

    static RegionLevel of(String code) {
        if (code.length() > 6) {
            return TOWNSHIP;
        }
        if (code.endsWith("0000")) {
            return PROVINCE;
        }
        return code.endsWith("00") ? CITY : COUNTY;
    }

    /**
     * The digits every division below this one starts with: 14 for 140000, 1410 for 141000, 141029 for 141029, so that
     * 141029 is under 141000 and 140000, and 142000 under neither of the first two's counties.
     */
    static String prefixOf(String code) {
        return switch (code.length() > 6 ? TOWNSHIP : of(code)) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            default -> code;
        };
    }
}

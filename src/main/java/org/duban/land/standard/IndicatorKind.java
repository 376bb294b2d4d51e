package org.duban.land.standard;

import org.eclipse.microprofile.graphql.Description;

/** The control indicators (控制性指标) agreed at sale; the first five are the standard ones. */
public enum IndicatorKind {
    @Description("投资强度 in 万元/亩, at least")
    INVESTMENT_INTENSITY("投资强度", "万元/亩"),
    @Description("容积率, at least or within a range")
    FLOOR_AREA_RATIO("容积率", null),
    @Description("亩均税收 in 万元/亩, at least")
    TAX_PER_MU("亩均税收", "万元/亩"),
    @Description("单位能耗 (energy use per unit of output), at most")
    ENERGY_PER_OUTPUT("单位能耗", "吨标准煤/万元"),
    @Description("环境标准: the environmental standard, pass or fail")
    ENVIRONMENTAL_STANDARD("环境标准", null),
    @Description("Any further indicator, with its own name, unit and comparator")
    OTHER(null, null);

    private final String defaultName;
    private final String defaultUnit;

    IndicatorKind(String defaultName, String defaultUnit) {
        this.defaultName = defaultName;
        this.defaultUnit = defaultUnit;
    }

    public String defaultName() {
        return defaultName;
    }

    public String defaultUnit() {
        return defaultUnit;
    }

    /** The comparators an indicator of this kind may use. */
    public boolean allows(Comparator comparator) {
        return switch (this) {
            case INVESTMENT_INTENSITY, TAX_PER_MU -> comparator == Comparator.AT_LEAST;
            case FLOOR_AREA_RATIO -> comparator == Comparator.AT_LEAST || comparator == Comparator.BETWEEN;
            case ENERGY_PER_OUTPUT -> comparator == Comparator.AT_MOST;
            case ENVIRONMENTAL_STANDARD -> comparator == Comparator.PASS;
            case OTHER -> true;
        };
    }
}

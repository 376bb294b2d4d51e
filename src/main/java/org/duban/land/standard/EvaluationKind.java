package org.duban.land.standard;

/** The assessments a regional evaluation (区域评价) covers once for a whole zone. */
public enum EvaluationKind {
    GEOLOGICAL_HAZARD("地质灾害危险性评估"),
    MINERAL_OVERLAY("压覆矿产资源评估"),
    ENVIRONMENTAL_IMPACT("环境影响评价"),
    SOIL_AND_WATER_CONSERVATION("水土保持方案"),
    ENERGY("节能评价"),
    OTHER(null);

    private final String defaultName;

    EvaluationKind(String defaultName) {
        this.defaultName = defaultName;
    }

    public String defaultName() {
        return defaultName;
    }
}

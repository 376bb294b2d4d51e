package org.duban.land;

import org.eclipse.microprofile.graphql.Description;

/** The seven stages of a standard-land (标准地) parcel, in the seed's order. */
public enum StandardLandStage {
    @Description("选定区域: select the area")
    SELECT_AREA,
    @Description("开展三要素工作: regional evaluation, control indicators, site readiness")
    PREPARATION,
    @Description("储备入库: enter the land reserve")
    RESERVE,
    @Description("公开出让: public sale")
    PUBLIC_SALE,
    @Description("拿地开工: the buyer takes the land and starts construction")
    CONSTRUCTION_STARTED,
    @Description("对表验收: acceptance against the agreed indicators")
    ACCEPTANCE,
    @Description("回访评价: follow-up evaluation")
    FOLLOW_UP;

    public StandardLandStage next() {
        return this == FOLLOW_UP ? null : values()[ordinal() + 1];
    }
}

package org.duban.land;

import org.eclipse.microprofile.graphql.Description;

/** The disposal decided for idle land (闲置土地处置). */
public enum IdleDisposal {
    @Description("延长动工期限")
    EXTEND_START_DEADLINE,
    @Description("调整用途")
    CHANGE_USE,
    @Description("征缴闲置费")
    IDLE_FEE,
    @Description("收回")
    TAKE_BACK,
    @Description("Another disposal, described in disposalNote")
    OTHER
}

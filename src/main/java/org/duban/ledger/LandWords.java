package org.duban.ledger;

import org.duban.land.IdleDisposal;
import org.duban.land.LandUse;
import org.duban.land.LandUseState;
import org.duban.land.ParcelCategory;
import org.duban.land.StandardLandStage;
import org.duban.land.SupplyMethod;

/** The land ledger's words for Duban's land states, as 自然资源 offices write them. */
final class LandWords {

    private LandWords() {
    }

    static String category(ParcelCategory category) {
        return switch (category) {
            case APPROVED_UNSUPPLIED -> "批而未供";
            case SUPPLIED_UNUSED -> "供而未用";
            case USED -> "已用";
            case APPROVAL_ADJUSTED -> "已调整批文";
            case APPROVAL_WITHDRAWN -> "已撤回批文";
            case SPLIT -> "已分割";
        };
    }

    static String use(LandUse use) {
        return switch (use) {
            case INDUSTRIAL -> "工业";
            case COMMERCIAL -> "商服";
            case RESIDENTIAL -> "住宅";
            case PUBLIC -> "公共管理与公共服务";
            case OTHER -> "其他";
        };
    }

    static String supply(SupplyMethod method) {
        return method == null ? null : switch (method) {
            case SALE -> "出让";
            case ALLOCATION -> "划拨";
            case LEASE -> "租赁";
        };
    }

    static String useState(LandUseState state) {
        return state == null ? null : switch (state) {
            case NOT_HANDED_OVER -> "未交地";
            case AWAITING_START -> "待开工";
            case START_OVERDUE -> "逾期开工";
            case SUSPECTED_IDLE -> "疑似闲置";
            case IDLE -> "闲置";
            case COMPLETION_OVERDUE -> "逾期竣工";
            case UNDER_CONSTRUCTION -> "在建";
            case COMPLETED -> "已竣工";
        };
    }

    static String stage(StandardLandStage stage) {
        return stage == null ? null : switch (stage) {
            case SELECT_AREA -> "选定区域";
            case PREPARATION -> "开展三要素工作";
            case RESERVE -> "储备入库";
            case PUBLIC_SALE -> "公开出让";
            case CONSTRUCTION_STARTED -> "拿地开工";
            case ACCEPTANCE -> "对表验收";
            case FOLLOW_UP -> "回访评价";
        };
    }

    static String disposal(IdleDisposal disposal) {
        return switch (disposal) {
            case EXTEND_START_DEADLINE -> "延长动工期限";
            case CHANGE_USE -> "调整用途";
            case IDLE_FEE -> "征缴闲置费";
            case TAKE_BACK -> "收回";
            case OTHER -> "其他";
        };
    }

    /** How a quota counts a parcel. */
    static String countedAs(String countedAs) {
        return switch (countedAs) {
            case "SUPPLIED" -> "供地";
            case "ADJUSTED" -> "调整批文";
            case "APPROVAL_WITHDRAWN" -> "撤回批文";
            case "NEW_SUPPLY" -> "新增供地";
            default -> countedAs;
        };
    }
}

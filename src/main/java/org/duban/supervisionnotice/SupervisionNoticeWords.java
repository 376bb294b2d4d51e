package org.duban.supervisionnotice;

import java.time.LocalDate;

import org.duban.common.ChinaTime;
import org.duban.urging.Urging;

/** How a supervision notice words its facts, in the message and on the paper alike. */
final class SupervisionNoticeWords {

    private SupervisionNoticeWords() {
    }

    /** 完成时限为2022年10月31日，截至发文已逾期3天，目前完成进度88%。 */
    static String facts(LocalDate deadline, int overdueDays, int percent) {
        String due = deadline == null ? "该项工作无明确完成时限" : "完成时限为" + ChinaTime.dateWords(deadline);
        String late = overdueDays > 0 ? "，截至发文已逾期" + overdueDays + "天" : deadline == null ? "" : "，尚未逾期";
        return due + late + "，目前完成进度" + percent + "%。";
    }

    /** One urging as the paper lists it: 2022-10-28 电话催办（张三）：答复…. */
    static String urging(Urging urging) {
        String how = switch (urging.channel()) {
            case MESSAGE -> "系统消息催办";
            case PHONE -> "电话催办";
            case LETTER -> "发函催办";
            case VISIT -> "上门督导";
            case MEETING -> "会议督办";
            case AUTOMATIC -> "系统自动催办";
        };
        String whom = urging.personReached() == null ? "" : "（" + urging.personReached() + "）";
        String answered = urging.answer() == null ? "，未答复" : "，答复：" + urging.answer();
        return urging.urgedAt().atZone(ChinaTime.ZONE).toLocalDate() + " " + how + whom + answered;
    }
}

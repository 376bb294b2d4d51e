package org.duban.supervisionnotice;

import java.awt.Color;

import org.duban.common.ChinaTime;
import org.duban.paper.OfficialDocument;

/** A supervision notice as the printed paper (督办通知单): header, number and level, addressee, facts, requirement, date. */
final class SupervisionNoticePaper {

    private static final Color BLUE = new Color(0x1F, 0x5F, 0xBF);
    private static final Color YELLOW = new Color(0xD9, 0x9A, 0x00);

    private SupervisionNoticePaper() {
    }

    static byte[] pdf(SupervisionNotice notice) {
        SupervisionNotice.SupervisionFacts facts = notice.facts();
        String plan = "《" + notice.planTitle() + "》" + (notice.planNumber() == null ? "" : "（" + notice.planNumber() + "）");
        String subject = "第" + notice.taskCode() + "项任务“" + notice.taskTitle() + "”"
                + (notice.milestoneTitle() == null ? "" : "的节点“" + notice.milestoneTitle() + "”");
        OfficialDocument paper = new OfficialDocument(notice.number() + " 督办通知单", notice.issuingOffice(), notice.issuedAt())
                .redHeader(notice.issuingOffice(), "")
                .title("督 办 通 知 单")
                .number(notice.number(), notice.level().words(), colour(notice.level()))
                .redRule()
                .addressee(notice.unitName())
                .paragraph("你单位负责的" + plan + subject + "，" + SupervisionNoticeWords.facts(facts.deadline(), facts.overdueDays(),
                        facts.percentComplete()));
        if (!facts.urgings().isEmpty()) {
            paper.paragraph("此前督办情况：" + String.join("；", facts.urgings()) + "。");
        }
        paper.paragraph("现予以" + notice.level().words() + "。督办要求：" + notice.requirement())
                .paragraph("请于" + ChinaTime.dateWords(notice.replyBy()) + "前将办理情况书面回复（可在督办系统中直接回复）。")
                .signature(notice.issuingOffice(), notice.issuedOn());
        if (notice.reply() != null) {
            paper.heading("办理回复")
                    .paragraph(ChinaTime.dateWords(notice.repliedAt().atZone(ChinaTime.ZONE).toLocalDate()) + "，" + notice.unitName()
                            + "回复：" + notice.reply());
        }
        return paper.note("本通知单由督办系统生成，编号" + notice.number() + "。").finish();
    }

    private static Color colour(SupervisionLevel level) {
        return switch (level) {
            case BLUE -> BLUE;
            case YELLOW -> YELLOW;
            case RED -> OfficialDocument.RED;
        };
    }
}

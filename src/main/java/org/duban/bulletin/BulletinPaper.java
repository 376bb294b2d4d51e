package org.duban.bulletin;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.duban.common.ChinaTime;
import org.duban.paper.OfficialDocument;

/** A bulletin as the PDF it is sent out as: a government document with its figures in tables. */
final class BulletinPaper {

    private static final Color RED = new Color(0xF4, 0xC7, 0xC3);
    private static final Color YELLOW = new Color(0xFF, 0xF2, 0xCC);
    private static final Color BLUE = new Color(0xCF, 0xE2, 0xF3);
    /** The tables' column widths, relative, as OpenPDF lays a table out across the page. */
    private static final float[] RANKING_WIDTHS = {5, 22, 6, 7, 6, 8, 8, 10, 6, 12};
    private static final float[] OVERDUE_WIDTHS = {5, 14, 9, 24, 15, 7, 26};
    private static final float[] NOTICE_WIDTHS = {16, 7, 18, 25, 14, 14, 8};
    private static final float[] LAND_WIDTHS = {8, 30, 14, 14, 14, 12};

    private BulletinPaper() {
    }

    /** What the paper needs besides its figures. */
    record Heading(String number, String title, String office, LocalDate publishedOn, Instant publishedAt, String corrects) {
    }

    static byte[] pdf(Heading heading, BulletinFigures figures) {
        OfficialDocument paper = new OfficialDocument(heading.number() + " " + heading.title(), heading.office(), heading.publishedAt())
                .redHeader(heading.office(), "")
                .title("督 办 通 报")
                .number(heading.number(), null, null)
                .redRule()
                .title(heading.title());
        if (heading.corrects() != null) {
            paper.paragraph(heading.corrects());
        }
        String plans = figures.plans().stream().map(p -> "《" + p.title() + "》" + (p.documentNumber() == null ? "" : "（"
                + p.documentNumber() + "）")).reduce((a, b) -> a + "、" + b).orElse("");
        paper.addressee("各有关单位")
                .paragraph("现将" + ChinaTime.dateWords(figures.from()) + "至" + ChinaTime.dateWords(figures.to()) + plans
                        + "整改工作推进情况通报如下：")
                .heading("一、总体情况")
                .paragraph(BulletinWords.totals(figures))
                .heading("二、责任单位排名")
                .table(List.of("排名", "责任单位", "承担", "已销号", "按时", "逾期完成", "逾期未完成", "按时完成率", "催办", "督办单（蓝/黄/红）"),
                        RANKING_WIDTHS, rankRows(figures), null)
                .heading("三、逾期未完成事项")
                .table(List.of("序号", "方案", "编号", "事项", "完成时限", "逾期天数", "责任单位"),
                        OVERDUE_WIDTHS, overdueRows(figures), null)
                .heading("四、督办情况")
                .paragraph(BulletinWords.notices(figures))
                .table(List.of("编号", "等级", "被督办单位", "事项", "发出日期", "回复期限", "是否回复"),
                        NOTICE_WIDTHS, noticeRows(figures), noticeFills(figures))
                .heading("五、指标完成情况")
                .table(List.of("年度", "下达单位", "任务（亩）", "已消化（亩）", "剩余（亩）", "完成率"),
                        LAND_WIDTHS, quotaRows(figures), null)
                .paragraph("请排名靠后和存在逾期未完成事项的单位认真分析原因，明确整改措施和完成时限，加快推进，确保按时完成整改任务。")
                .signature(heading.office(), heading.publishedOn());
        return paper.finish();
    }

    private static List<List<String>> rankRows(BulletinFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (BulletinFigures.RankLine r : figures.ranking()) {
            rows.add(List.of(String.valueOf(r.rank()), r.unit(), String.valueOf(r.assigned()), String.valueOf(r.signedOff()),
                    String.valueOf(r.onTime()), String.valueOf(r.late()), String.valueOf(r.overdueNow()), BulletinWords.rate(r.onTimeRate()),
                    String.valueOf(r.urgings()), r.blueNotices() + "/" + r.yellowNotices() + "/" + r.redNotices()));
        }
        return rows;
    }

    private static List<List<String>> overdueRows(BulletinFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (BulletinFigures.OverdueLine o : figures.overdue()) {
            rows.add(List.of(String.valueOf(++n), o.plan(), o.code(), o.title(), o.due().toString(), String.valueOf(o.daysOverdue()),
                    String.join("、", o.units())));
        }
        return rows;
    }

    private static List<List<String>> noticeRows(BulletinFigures figures) {
        return figures.notices().stream().map(n -> List.of(n.number(), BulletinWords.level(n.level()), n.unit(),
                n.taskCode() + " " + n.taskTitle(), n.issuedOn().toString(), n.replyBy().toString(), n.replied() ? "是" : "否")).toList();
    }

    private static List<Color> noticeFills(BulletinFigures figures) {
        return figures.notices().stream().map(n -> switch (n.level()) {
            case RED -> RED;
            case YELLOW -> YELLOW;
            case BLUE -> BLUE;
        }).toList();
    }

    private static List<List<String>> quotaRows(BulletinFigures figures) {
        return figures.quotas().stream().map(q -> List.of(String.valueOf(q.year()), q.issuedBy() == null ? "" : q.issuedBy(),
                q.targetMu().toPlainString(), q.suppliedMu().toPlainString(), q.remainingMu().toPlainString(),
                q.completionRate().toPlainString() + "%")).toList();
    }
}

package org.duban.bulletin;

import java.util.List;

import org.duban.paper.SheetWriter;
import org.duban.paper.SheetWriter.Column;
import org.duban.paper.SheetWriter.Fill;
import org.duban.paper.SheetWriter.Kind;

/** A bulletin as a workbook: the ranking, the overdue items, the notices issued and the quotas, a sheet each. */
final class BulletinSheets {

    private BulletinSheets() {
    }

    static byte[] xlsx(String number, String title, BulletinFigures figures) {
        try (SheetWriter book = new SheetWriter("单位排名", number + " " + title + "：" + BulletinWords.totals(figures), List.of(
                new Column("排名", 6, Kind.INTEGER), new Column("责任单位", 30, Kind.WRAPPED), new Column("承担", 8, Kind.INTEGER),
                new Column("已销号", 8, Kind.INTEGER), new Column("按时完成", 8, Kind.INTEGER), new Column("逾期完成", 8, Kind.INTEGER),
                new Column("逾期未完成", 10, Kind.INTEGER), new Column("按时完成率（%）", 14, Kind.DECIMAL), new Column("催办", 8, Kind.INTEGER),
                new Column("蓝色督办", 8, Kind.INTEGER), new Column("黄色督办", 8, Kind.INTEGER), new Column("红色督办", 8, Kind.INTEGER)))) {
            for (BulletinFigures.RankLine r : figures.ranking()) {
                book.row().number(0, r.rank()).text(1, r.unit()).number(2, r.assigned()).number(3, r.signedOff()).number(4, r.onTime())
                        .number(5, r.late()).number(6, r.overdueNow()).number(7, r.onTimeRate()).number(8, r.urgings())
                        .number(9, r.blueNotices()).number(10, r.yellowNotices()).number(11, r.redNotices());
            }
            book.sheet("逾期事项", "逾期未完成事项（截至" + figures.to() + "）", List.of(new Column("方案", 22, Kind.WRAPPED),
                    new Column("编号", 12, Kind.TEXT), new Column("事项", 40, Kind.WRAPPED), new Column("完成时限", 12, Kind.DATE),
                    new Column("逾期天数", 10, Kind.INTEGER), new Column("责任单位", 36, Kind.WRAPPED)));
            for (BulletinFigures.OverdueLine o : figures.overdue()) {
                book.row().text(0, o.plan()).text(1, o.code()).text(2, o.title()).date(3, o.due()).number(4, o.daysOverdue())
                        .text(5, String.join("、", o.units())).fill(4, Fill.RED);
            }
            book.sheet("督办单", BulletinWords.notices(figures), List.of(new Column("编号", 18, Kind.TEXT), new Column("等级", 8, Kind.TEXT),
                    new Column("被督办单位", 26, Kind.WRAPPED), new Column("任务编号", 12, Kind.TEXT), new Column("事项", 36, Kind.WRAPPED),
                    new Column("发出日期", 12, Kind.DATE), new Column("回复期限", 12, Kind.DATE), new Column("是否回复", 8, Kind.TEXT)));
            for (BulletinFigures.NoticeLine n : figures.notices()) {
                book.row().text(0, n.number()).text(1, BulletinWords.level(n.level())).fill(1, switch (n.level()) {
                    case RED -> Fill.RED;
                    case YELLOW -> Fill.YELLOW;
                    case BLUE -> Fill.BLUE;
                }).text(2, n.unit()).text(3, n.taskCode()).text(4, n.taskTitle()).date(5, n.issuedOn()).date(6, n.replyBy())
                        .text(7, n.replied() ? "是" : "否");
            }
            book.sheet("指标完成情况", "批而未供土地消化指标", List.of(new Column("年度", 8, Kind.INTEGER), new Column("下达单位", 30, Kind.WRAPPED),
                    new Column("任务（亩）", 12, Kind.MU), new Column("已消化（亩）", 12, Kind.MU), new Column("剩余（亩）", 12, Kind.MU),
                    new Column("完成率（%）", 12, Kind.DECIMAL)));
            for (BulletinFigures.QuotaLine q : figures.quotas()) {
                book.row().number(0, q.year()).text(1, q.issuedBy()).number(2, q.targetMu()).number(3, q.suppliedMu())
                        .number(4, q.remainingMu()).number(5, q.completionRate());
            }
            return book.bytes();
        }
    }
}

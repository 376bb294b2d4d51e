package org.duban.bulletin;

import java.math.BigDecimal;

import org.duban.supervisionnotice.SupervisionLevel;

/** How a bulletin writes its figures, in the PDF and the XLSX alike. */
final class BulletinWords {

    private BulletinWords() {
    }

    static String rate(BigDecimal rate) {
        return rate == null ? "—" : rate.toPlainString() + "%";
    }

    static String level(SupervisionLevel level) {
        return switch (level) {
            case BLUE -> "蓝色";
            case YELLOW -> "黄色";
            case RED -> "红色";
        };
    }

    /** 截至2022年10月31日，纳入督办的整改事项共11项…: the totals as one sentence. */
    static String totals(BulletinFigures figures) {
        BulletinFigures.Totals t = figures.totals();
        return "截至" + org.duban.common.ChinaTime.dateWords(figures.to()) + "，纳入督办的整改事项共" + t.items() + "项，已销号"
                + t.signedOff() + "项，其中按时完成" + t.onTime() + "项、逾期完成" + t.late() + "项；逾期未完成" + t.overdue()
                + "项；按时完成率" + rate(t.onTimeRate()) + "。";
    }

    /** 本期共发出督办通知单3份，其中红色1份、黄色1份、蓝色1份。 */
    static String notices(BulletinFigures figures) {
        long red = figures.notices().stream().filter(n -> n.level() == SupervisionLevel.RED).count();
        long yellow = figures.notices().stream().filter(n -> n.level() == SupervisionLevel.YELLOW).count();
        long blue = figures.notices().stream().filter(n -> n.level() == SupervisionLevel.BLUE).count();
        return figures.notices().isEmpty() ? "本期未发出督办通知单。" : "本期共发出督办通知单" + figures.notices().size()
                + "份，其中红色" + red + "份、黄色" + yellow + "份、蓝色" + blue + "份。";
    }
}

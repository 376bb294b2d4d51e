package org.duban.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.duban.land.Parcel;
import org.duban.paper.SheetWriter;
import org.duban.paper.SheetWriter.Column;
import org.duban.paper.SheetWriter.Kind;

/**
 * The land ledger's layout (土地台账): a parcel a row, its area in mu to 4 decimals as Duban holds it, its approval,
 * category, supply, handover, construction and idle state; for a quota's parcels, how and when the quota counts each.
 */
final class ParcelLedgerRows {

    private static final List<Column> PARCEL = List.of(
            new Column("序号", 6, Kind.INTEGER),
            new Column("地块编号", 16, Kind.TEXT),
            new Column("地块名称", 24, Kind.WRAPPED),
            new Column("所在乡镇", 16, Kind.TEXT),
            new Column("坐落", 20, Kind.WRAPPED),
            new Column("用途", 10, Kind.TEXT),
            new Column("面积（亩）", 12, Kind.MU),
            new Column("批次名称", 24, Kind.WRAPPED),
            new Column("批准文号", 20, Kind.TEXT),
            new Column("批准日期", 12, Kind.DATE),
            new Column("类别", 12, Kind.TEXT),
            new Column("供地日期", 12, Kind.DATE),
            new Column("供地方式", 8, Kind.TEXT),
            new Column("土地使用权人", 24, Kind.WRAPPED),
            new Column("约定交地", 12, Kind.DATE),
            new Column("实际交地", 12, Kind.DATE),
            new Column("约定开工", 12, Kind.DATE),
            new Column("实际开工", 12, Kind.DATE),
            new Column("约定竣工", 12, Kind.DATE),
            new Column("实际竣工", 12, Kind.DATE),
            new Column("利用状态", 10, Kind.TEXT),
            new Column("闲置认定", 30, Kind.WRAPPED),
            new Column("标准地", 8, Kind.TEXT),
            new Column("标准地阶段", 14, Kind.TEXT));
    private static final List<Column> COUNTED = List.of(
            new Column("计入方式", 10, Kind.TEXT),
            new Column("计入日期", 12, Kind.DATE),
            new Column("计入面积（亩）", 14, Kind.MU));

    /** A parcel, with how a quota counts it when the ledger is a quota's. */
    record Entry(Parcel parcel, String countedAs, LocalDate countedOn, BigDecimal countedMu) {

        Entry(Parcel parcel) {
            this(parcel, null, null, null);
        }
    }

    static List<Column> columns(boolean counted) {
        if (!counted) {
            return PARCEL;
        }
        List<Column> columns = new ArrayList<>(PARCEL);
        columns.addAll(COUNTED);
        return columns;
    }

    private final boolean counted;
    private int number;

    ParcelLedgerRows(boolean counted) {
        this.counted = counted;
    }

    void write(SheetWriter sheet, List<Entry> entries, Map<Long, String> townships) {
        for (Entry entry : entries) {
            Parcel p = entry.parcel();
            Parcel.Supply supply = p.supply();
            SheetWriter.RowWriter row = sheet.row()
                    .number(0, ++number)
                    .text(1, p.code())
                    .text(2, p.name())
                    .text(3, townships.get(p.townshipId()))
                    .text(4, p.location())
                    .text(5, LandWords.use(p.landUse()))
                    .number(6, p.areaMu())
                    .text(7, p.approval().batchName())
                    .text(8, p.approval().documentNumber())
                    .date(9, p.approval().approvedOn())
                    .text(10, LandWords.category(p.category()))
                    .text(20, LandWords.useState(p.useState()))
                    .text(22, LedgerWords.yesNo(p.standardLand()))
                    .text(23, LandWords.stage(p.stage()));
            if (supply != null) {
                row.date(11, supply.suppliedOn())
                        .text(12, LandWords.supply(supply.method()))
                        .text(13, supply.landUser())
                        .date(14, supply.handoverAgreedOn())
                        .date(15, supply.handedOverOn())
                        .date(16, supply.agreedStartOn())
                        .date(17, supply.constructionStartedOn())
                        .date(18, supply.agreedCompletionOn())
                        .date(19, supply.completedOn());
                Parcel.IdleDetermination idle = supply.idleDetermination();
                if (idle != null) {
                    row.text(21, idle.determinedOn() + " " + idle.cause() + "；处置：" + LandWords.disposal(idle.disposal())
                            + (idle.disposalNote() == null ? "" : "（" + idle.disposalNote() + "）"));
                }
            }
            if (counted) {
                row.text(PARCEL.size(), LandWords.countedAs(entry.countedAs()))
                        .date(PARCEL.size() + 1, entry.countedOn())
                        .number(PARCEL.size() + 2, entry.countedMu());
            }
        }
    }
}

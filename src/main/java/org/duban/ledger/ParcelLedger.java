package org.duban.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.WorkerThreads;
import org.duban.common.page.Chunks;
import org.duban.common.page.PageRequest;
import org.duban.land.Parcel;
import org.duban.land.ParcelConnection;
import org.duban.land.ParcelFilter;
import org.duban.land.ParcelQueries;
import org.duban.land.quota.QuotaProgress;
import org.duban.land.quota.QuotaQueries;
import org.duban.paper.SheetWriter;
import org.duban.unit.UnitQueries;

import io.smallrye.mutiny.Uni;

/**
 * The land ledger (土地台账) as an XLSX file: the parcel list for its filters and the caller's sight, by code, a chunk of
 * {@value TaskLedger#CHUNK} at a time through the list's index; or the parcels a quota counts (few: a county's year).
 */
@ApplicationScoped
class ParcelLedger {

    private final ParcelQueries parcels;
    private final QuotaQueries quotas;
    private final UnitQueries units;
    private final Clock clock;

    ParcelLedger(ParcelQueries parcels, QuotaQueries quotas, UnitQueries units, Clock clock) {
        this.parcels = parcels;
        this.quotas = quotas;
        this.units = units;
        this.clock = clock;
    }

    Uni<Path> export(ParcelFilter filter, Caller caller) {
        SheetWriter sheet = new SheetWriter("土地台账", "土地台账（截至" + ChinaTime.dateWords(ChinaTime.today(clock)) + "）",
                ParcelLedgerRows.columns(false));
        ParcelLedgerRows rows = new ParcelLedgerRows(false);
        return Chunks.walk(after -> chunk(filter, after, caller, sheet, rows))
                .chain(() -> WorkerThreads.run(() -> sheet.finish("duban-parcels-")))
                .onTermination().invoke(sheet::close);
    }

    /** The parcels the quota counts, NOT_FOUND when the caller may not read the quota. */
    Uni<Path> exportQuota(long quotaId, Caller caller) {
        return quotas.visible(quotaId, caller)
                .chain(quota -> quotas.countedParcels(new Long[] {quotaId}).chain(counted -> {
                    List<ParcelLedgerRows.Entry> entries = counted.stream().map(c -> new ParcelLedgerRows.Entry(c.parcel(),
                            c.countedAs(), c.countedOn(), c.areaMu())).toList();
                    return townships(entries.stream().map(ParcelLedgerRows.Entry::parcel).toList())
                            .chain(townships -> WorkerThreads.run(() -> {
                                try (SheetWriter sheet = new SheetWriter("计入指标的地块", title(quota),
                                        ParcelLedgerRows.columns(true))) {
                                    new ParcelLedgerRows(true).write(sheet, entries, townships);
                                    return sheet.finish("duban-quota-");
                                }
                            }));
                }));
    }

    private static String title(QuotaProgress quota) {
        return quota.year() + "年度批而未供土地消化任务计入地块（任务" + quota.targetMu().toPlainString() + "亩，已消化"
                + quota.suppliedMu().toPlainString() + "亩，完成率" + quota.completionRate().toPlainString() + "%）";
    }

    /** Reads and writes the chunk after {@code after}; answers where the next one starts, or {@link Chunks#END}. */
    private Uni<String> chunk(ParcelFilter filter, String after, Caller caller, SheetWriter sheet, ParcelLedgerRows rows) {
        return parcels.page(filter, new PageRequest(TaskLedger.CHUNK, after, false), caller).chain(page -> {
            List<Parcel> found = page.edges().stream().map(ParcelConnection.ParcelEdge::node).toList();
            String next = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : Chunks.END;
            if (found.isEmpty()) {
                return Uni.createFrom().item(Chunks.END);
            }
            List<ParcelLedgerRows.Entry> entries = found.stream().map(ParcelLedgerRows.Entry::new).toList();
            return townships(found).chain(townships -> WorkerThreads.run(() -> {
                rows.write(sheet, entries, townships);
                return next;
            }));
        });
    }

    private Uni<Map<Long, String>> townships(List<Parcel> found) {
        Long[] ids = found.stream().map(Parcel::townshipId).distinct().toArray(Long[]::new);
        return units.unitsByIds(ids).map(list -> {
            Map<Long, String> names = new HashMap<>();
            list.forEach(unit -> names.put(unit.id(), unit.shortName() == null ? unit.name() : unit.shortName()));
            return names;
        });
    }
}

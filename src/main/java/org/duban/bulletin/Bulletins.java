package org.duban.bulletin;

import static org.duban.common.Text.blankToNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.audit.AuditTrail;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.WorkerThreads;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code bulletin} and its numbering: publishing computes the figures, numbers the bulletin per region
 * and year, renders its PDF and XLSX and keeps all of it with the files' SHA-256. Nothing changes a published bulletin
 * afterwards (the database refuses); a correction is published as a new one naming the old.
 */
@ApplicationScoped
public class Bulletins {

    private final BulletinMaker maker;
    private final AuditTrail audit;
    private final Clock clock;

    Bulletins(BulletinMaker maker, AuditTrail audit, Clock clock) {
        this.maker = maker;
        this.audit = audit;
        this.clock = clock;
    }

    /** The files as published, and their digests. */
    private record Files(byte[] pdf, String pdfSha256, byte[] xlsx, String xlsxSha256) {
    }

    /** Publishes the bulletin and returns its id. */
    public Uni<Long> publish(BulletinInput input, Caller caller) {
        Long corrects = Ids.parseOptional(input == null ? null : input.corrects(), IdKind.BULLETIN);
        String note = input == null ? null : blankToNull(input.correctionNote());
        if ((corrects == null) != (note == null)) {
            throw DubanException.validation(corrects == null ? "input.corrects" : "input.correctionNote",
                    "a correction names the bulletin it corrects and says what it corrects");
        }
        return maker.draft(input, caller).chain(draft -> {
            if (!caller.administers(draft.regionId())) {
                throw new DubanException(ErrorCode.FORBIDDEN, "Bulletins are published by the office of the plans' region", null);
            }
            Instant now = clock.instant();
            LocalDate today = ChinaTime.today(clock);
            return audit.withTransaction(tx -> corrected(tx, corrects, draft.regionId(), input.corrects())
                    .chain(old -> number(tx, draft.regionId(), today.getYear()).chain(serial -> {
                        String number = today.getYear() + "年第" + serial + "期";
                        String correction = old == null ? null : "本期通报更正" + old.getString("number") + "《" + old.getString("title")
                                + "》：" + note.strip() + "原通报作废，以本期为准。";
                        BulletinPaper.Heading heading = new BulletinPaper.Heading(number, draft.title(), draft.issuingOffice(), today,
                                now, correction);
                        return WorkerThreads.run(() -> files(heading, draft.figures()))
                                .chain(files -> tx.preparedQuery("insert into bulletin (region_id, year, serial, number, title,"
                                        + " issuing_office, period_from, period_to, plan_ids, figures, pdf, pdf_sha256, xlsx, xlsx_sha256,"
                                        + " published_on, published_at, published_by, corrects_id, correction_note) values ($1, $2, $3, $4,"
                                        + " $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13, $14, $15, $16, $17, $18, $19) returning id")
                                        .execute(Tuple.from(new Object[] { draft.regionId(), today.getYear(), serial, number, draft.title(),
                                                draft.issuingOffice(), draft.figures().from(), draft.figures().to(),
                                                draft.planIds().toArray(new Long[0]), FiguresJson.write(draft.figures()),
                                                Buffer.buffer(files.pdf()).getDelegate(), files.pdfSha256(),
                                                Buffer.buffer(files.xlsx()).getDelegate(), files.xlsxSha256(), today,
                                                now.atOffset(ZoneOffset.UTC), caller.accountId(), corrects,
                                                note == null ? null : note.strip() })))
                                .map(rows -> rows.iterator().next().getLong("id"));
                    })));
        });
    }

    private static Files files(BulletinPaper.Heading heading, BulletinFigures figures) {
        byte[] pdf = BulletinPaper.pdf(heading, figures);
        byte[] xlsx = BulletinSheets.xlsx(heading.number(), heading.title(), figures);
        return new Files(pdf, sha256(pdf), xlsx, sha256(xlsx));
    }

    /** The bulletin corrected, of the same region; null when none is. */
    private static Uni<Row> corrected(SqlConnection tx, Long corrects, long region, String written) {
        if (corrects == null) {
            return Uni.createFrom().nullItem();
        }
        return tx.preparedQuery("select number, title, region_id,"
                + " exists (select 1 from bulletin c where c.corrects_id = b.id) as corrected from bulletin b where b.id = $1")
                .execute(Tuple.of(corrects))
                .map(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    if (row == null || row.getLong("region_id") != region) {
                        throw DubanException.notFound("Bulletin", written);
                    }
                    if (row.getBoolean("corrected")) {
                        throw DubanException.conflict("That bulletin is corrected already: correct the correction");
                    }
                    return row;
                });
    }

    private static Uni<Integer> number(SqlConnection tx, long region, int year) {
        return tx.preparedQuery("insert into bulletin_serial (region_id, year, last_serial) values ($1, $2, 1)"
                + " on conflict (region_id, year) do update set last_serial = bulletin_serial.last_serial + 1 returning last_serial")
                .execute(Tuple.of(region, year))
                .map(rows -> rows.iterator().next().getInteger("last_serial"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

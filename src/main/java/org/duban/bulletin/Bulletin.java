package org.duban.bulletin;

import java.time.Instant;
import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Bulletin")
@Description("A published bulletin (通报), frozen: its figures as published, and its PDF and XLSX as sent out with each file's"
        + " SHA-256, so that it reads the same later. A correction is a new bulletin naming the one it corrects.")
public record Bulletin(
        @Id @GlobalId(IdKind.BULLETIN) long id,
        @NonNull @Description("Numbered per region and year, e.g. 2022年第3期") String number,
        @NonNull String title,
        @NonNull String issuingOffice,
        @NonNull LocalDate from,
        @NonNull LocalDate to,
        @NonNull LocalDate publishedOn,
        @NonNull Instant publishedAt,
        @NonNull @Description("The PDF as published: GET it with the token") String pdfPath,
        @NonNull @Description("SHA-256 of the PDF, hex") String pdfSha256,
        @NonNull String xlsxPath,
        @NonNull @Description("SHA-256 of the XLSX, hex") String xlsxSha256,
        @Description("What the correction corrects, for a bulletin that corrects another") String correctionNote,
        @Ignore long regionId,
        @Ignore Long correctsId) {

    public static final String PATH = "/bulletins/";

    static final String COLUMNS = "b.id, b.number, b.title, b.issuing_office, b.period_from, b.period_to, b.published_on,"
            + " b.published_at, b.pdf_sha256, b.xlsx_sha256, b.correction_note, b.region_id, b.corrects_id";

    static Bulletin from(Row row) {
        long id = row.getLong("id");
        String path = PATH + Ids.of(IdKind.BULLETIN, id);
        return new Bulletin(id, row.getString("number"), row.getString("title"), row.getString("issuing_office"),
                row.getLocalDate("period_from"), row.getLocalDate("period_to"), row.getLocalDate("published_on"),
                row.getOffsetDateTime("published_at").toInstant(), path + ".pdf", row.getString("pdf_sha256"), path + ".xlsx",
                row.getString("xlsx_sha256"), row.getString("correction_note"), row.getLong("region_id"), row.getLong("corrects_id"));
    }
}

package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Plan")
@Description("A rectification work plan (整改工作方案) as issued: the document and its tasks.")
public record Plan(
        @Id @GlobalId(IdKind.PLAN) long id,
        @Description("文号, e.g. 乡政办发〔2022〕60号; unique; null for a plan attached to a notice") String documentNumber,
        @NonNull String title,
        @NonNull LocalDate issuedOn,
        String summary,
        @NonNull @Description("The offices the document was copied to (抄送)") List<@NonNull String> copiedTo,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @NonNull Integer version,
        @Ignore long regionId,
        @Ignore long issuingUnitId) implements Node {

    static final String COLUMNS = "p.id, p.document_number, p.title, p.issued_on, p.summary, p.copied_to, "
            + "p.created_at, p.updated_at, p.version, p.region_id, p.issuing_unit_id";

    static Plan from(Row row) {
        return new Plan(row.getLong("id"), row.getString("document_number"), row.getString("title"),
                row.getLocalDate("issued_on"), row.getString("summary"),
                Arrays.asList(row.getArrayOfStrings("copied_to")),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                row.getInteger("version"), row.getLong("region_id"), row.getLong("issuing_unit_id"));
    }

    /** By id alone, as a task's: data loaders hash a plan three times for each batched field they load for it. */
    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

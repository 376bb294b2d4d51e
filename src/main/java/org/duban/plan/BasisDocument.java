package org.duban.plan;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("BasisDocument")
@Description("A document the plan is based on (根据…), e.g. 督察意见书 晋督〔2022〕4号.")
public record BasisDocument(@NonNull String number, String title, String issuer, @Ignore long planId) {

    static BasisDocument from(Row row) {
        return new BasisDocument(row.getString("number"), row.getString("title"), row.getString("issuer"),
                row.getLong("plan_id"));
    }
}

package org.duban.land.quota;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("QuotaStock")
@Description("The approved-but-unsupplied land a quota digests: the region's parcels approved up to approvedUntil, "
        + "or, when that is null, the listed parcels and every parcel of the listed approval batches.")
public record QuotaStock(
        @Description("The last approval day of the stock; null when the stock is a list") LocalDate approvedUntil,
        @NonNull @Description("The listed approval batches (批次名称)") List<@NonNull String> approvalBatches,
        @Ignore long quotaId) {
}

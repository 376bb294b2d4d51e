package org.duban.land.quota;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("QuotaStockInput")
@Description("The stock a quota digests: either the region's parcels approved up to a day, or a list of parcels and "
        + "approval batches handed down with the quota (图斑/批次). Left out, it is the land approved up to the end of "
        + "the year before the quota's.")
public record QuotaStockInput(
        @Description("The last approval day of the stock") LocalDate approvedUntil,
        @Size(max = 10000) @Description("Parcels of the quota's region, listed one by one") @Id List<String> parcelIds,
        @Description("Approval batches (批次名称): every parcel of the region approved in one belongs to the stock")
        @Size(max = 1000) List<String> approvalBatches) {
}

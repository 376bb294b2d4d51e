package org.duban.land.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("QuotaInput")
@Description("A region's quota for a year; setting it again replaces it.")
public record QuotaInput(
        @NonNull @Id String regionId,
        @Min(2000) @Max(2100) int year,
        @Size(max = 200) String issuedBy,
        @NonNull BigDecimal targetMu,
        List<LocalDate> deadlines,
        Boolean countsApprovalChanges,
        BigDecimal statedSuppliedMu,
        BigDecimal statedCompletionRate,
        LocalDate statedAsOf,
        @Valid QuotaStockInput stock) {
}

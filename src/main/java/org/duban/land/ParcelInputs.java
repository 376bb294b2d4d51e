package org.duban.land;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the parcel mutations. In updates, a field left out (null) stays as it is. */
public final class ParcelInputs {

    private ParcelInputs() {
    }

    @Input("CreateParcelInput")
    @Description("Give the area either in mu (areaMu, at most 4 decimals) or in m² (areaSquareMetres, converted to mu "
            + "rounded half-up to 4 decimals).")
    public record CreateParcel(
            @NonNull @NotBlank @Size(max = 50) String code,
            @NonNull @NotBlank @Size(max = 200) String name,
            @NonNull @Description("A unit of kind TOWNSHIP; the parcel belongs to its region") @Id String townshipId,
            @Description("The development zone, e.g. 示范区") @Id String zoneId,
            @Size(max = 500) String location,
            @NonNull LandUse landUse,
            BigDecimal areaMu,
            BigDecimal areaSquareMetres,
            @Size(max = 200) @Description("批次名称") String approvalBatch,
            @Size(max = 100) String approvalNumber,
            @NonNull LocalDate approvedOn,
            ApprovalLevel approvalLevel,
            @Description("Sold as standard land: starts at the stage SELECT_AREA") Boolean standardLand,
            @Description("GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude") String geometry) {
    }

    @Input("UpdateParcelInput")
    public record UpdateParcel(
            @Size(min = 1, max = 50) String code,
            @Size(min = 1, max = 200) String name,
            @Id String townshipId,
            @Description("An empty string removes it") @Id String zoneId,
            @Size(max = 500) String location,
            LandUse landUse,
            BigDecimal areaMu,
            BigDecimal areaSquareMetres,
            @Size(max = 200) String approvalBatch,
            @Size(max = 100) String approvalNumber,
            LocalDate approvedOn,
            ApprovalLevel approvalLevel,
            @Description("true makes it standard land, starting at SELECT_AREA") Boolean standardLand,
            @Description("When the site became ready (通平条件)") LocalDate siteReadyOn,
            @Description("GeoJSON; an empty string removes it") String geometry,
            @Description("The version the change is based on; CONFLICT if the parcel changed since") Integer expectedVersion) {
    }

    @Input("SupplyParcelInput")
    @Description("Supplies the whole parcel, or with areaMu a part of it: the parcel is then split into the supplied "
            + "part and the remainder, new parcels coded partCode and remainderCode (by default code-1 and code-2).")
    public record SupplyParcel(
            @NonNull LocalDate suppliedOn,
            @Description("The part supplied, in mu, at most 4 decimals, less than the parcel's area; left out, all of it")
            BigDecimal areaMu,
            @Size(min = 1, max = 50) String partCode,
            @Size(min = 1, max = 50) String remainderCode,
            @NonNull SupplyMethod method,
            @Size(max = 100) String contractNumber,
            @Size(max = 200) String landUser,
            @Description("The handover (交地) the contract agrees") LocalDate handoverAgreedOn,
            @Description("The construction start the contract agrees") LocalDate agreedStartOn,
            @Description("The completion (竣工) the contract agrees") LocalDate agreedCompletionOn) {
    }

    @Input("ParcelUseInput")
    @Description("The use of supplied land: the contract's dates and what happened. A field left out stays as it is.")
    public record RecordUse(
            LocalDate handoverAgreedOn,
            @Description("交地: the land handed over to the user") LocalDate handedOverOn,
            LocalDate agreedStartOn,
            LocalDate constructionStartedOn,
            LocalDate agreedCompletionOn,
            @Description("竣工: construction completed") LocalDate completedOn,
            @Description("The version the change is based on; CONFLICT if the parcel changed since") Integer expectedVersion) {
    }

    @Input("IdleDeterminationInput")
    @Description("闲置认定: supplied land determined idle, why, and the disposal decided")
    public record DetermineIdle(
            @NonNull LocalDate determinedOn,
            @NonNull @NotBlank @Size(max = 2000) String cause,
            @NonNull IdleDisposal disposal,
            @Size(max = 2000) @Description("Required for OTHER") String disposalNote) {
    }

    @Input("ApprovalAdjustmentRequestInput")
    public record RequestAdjustment(
            @NonNull LocalDate requestedOn,
            @NonNull @NotBlank @Size(max = 2000) String reason,
            @Size(max = 200) String requestedBy) {
    }

    @Input("ApprovalAdjustmentCompletionInput")
    public record CompleteAdjustment(
            @NonNull LocalDate completedOn,
            @NonNull @Description("ADJUSTED or APPROVAL_WITHDRAWN") AdjustmentStatus outcome,
            @Size(max = 100) @Description("Required when ADJUSTED") String newDocumentNumber,
            @Size(max = 2000) String note) {
    }
}

package org.duban.land;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Parcel")
@Description("A parcel of land approved for construction, with its approval, supply and standard-land facts.")
public record Parcel(
        @Id long id,
        @NonNull @Description("Unique within the region") String code,
        @NonNull String name,
        String location,
        @NonNull LandUse landUse,
        @NonNull @Description("The area in mu (亩), exact, 4 decimals") BigDecimal areaMu,
        @NonNull @Description("The area in m², rounded half-up to 2 decimals (1 mu = 10000/15 m²)") BigDecimal areaSquareMetres,
        @NonNull @Description("The area in hectares, rounded half-up to 4 decimals (1 ha = 15 mu)") BigDecimal areaHectares,
        @NonNull Approval approval,
        @NonNull ParcelCategory category,
        @Description("Set while an approval adjustment (调整批文) is pending: the parcel cannot be supplied") boolean awaitingAdjustment,
        @Description("How the parcel was supplied; null while it is not") Supply supply,
        @Description("Set when supplied land sits idle: no construction start a year after the agreed start date")
        String idleWarning,
        @Description("Sold as standard land (标准地), with a lifecycle stage") boolean standardLand,
        StandardLandStage stage,
        @Description("When the site was ready (通平条件)") LocalDate siteReadyOn,
        @Description("When the parcel was accepted against its indicators (对表验收)") LocalDate acceptedOn,
        @Description("The outline: a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude, as text") String geometry,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @NonNull Integer version,
        @Ignore long regionId,
        @Ignore long townshipId,
        @Ignore Long zoneId) {

    @Type("Approval")
    @Description("The approval converting the land to construction use")
    public record Approval(@Description("批次名称") String batchName, String documentNumber, @NonNull LocalDate approvedOn,
            ApprovalLevel level) {
    }

    @Type("Supply")
    @Description("The supply (供地) of a parcel to a land user")
    public record Supply(@NonNull LocalDate suppliedOn, @NonNull SupplyMethod method, String contractNumber, String landUser,
            @Description("The construction start agreed in the contract") LocalDate agreedStartOn,
            LocalDate constructionStartedOn) {
    }

    /** Parcel columns for aliases {@code p} (parcel) and {@code s} (its parcel_status row). */
    public static final String COLUMNS = "p.id, p.region_id, p.code, p.name, p.township_id, p.zone_id, p.location, "
            + "p.land_use, p.area_mu, p.approval_batch, p.approval_number, p.approved_on, p.approval_level, p.supplied_on, "
            + "p.supply_method, p.contract_number, p.land_user, p.agreed_start_on, p.construction_started_on, "
            + "p.standard_land, p.stage, p.site_ready_on, p.accepted_on, p.geometry::text as geometry, "
            + "p.created_at, p.updated_at, p.version, s.category, s.awaiting_adjustment";

    // A left join: every parcel has its status row, and a count that reads no status leaves the view out.
    public static final String FROM = " from parcel p left join parcel_status s on s.parcel_id = p.id";

    public static Parcel from(Row row, LocalDate today) {
        BigDecimal area = row.getBigDecimal("area_mu");
        LocalDate suppliedOn = row.getLocalDate("supplied_on");
        Supply supply = suppliedOn == null ? null : new Supply(suppliedOn, SupplyMethod.valueOf(row.getString("supply_method")),
                row.getString("contract_number"), row.getString("land_user"), row.getLocalDate("agreed_start_on"),
                row.getLocalDate("construction_started_on"));
        String stage = row.getString("stage");
        String level = row.getString("approval_level");
        return new Parcel(row.getLong("id"), row.getString("code"), row.getString("name"), row.getString("location"),
                LandUse.valueOf(row.getString("land_use")), area, Area.squareMetres(area), Area.hectares(area),
                new Approval(row.getString("approval_batch"), row.getString("approval_number"), row.getLocalDate("approved_on"),
                        level == null ? null : ApprovalLevel.valueOf(level)),
                ParcelCategory.valueOf(row.getString("category")), row.getBoolean("awaiting_adjustment"), supply,
                idleWarning(supply, today), row.getBoolean("standard_land"),
                stage == null ? null : StandardLandStage.valueOf(stage), row.getLocalDate("site_ready_on"),
                row.getLocalDate("accepted_on"), row.getString("geometry"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                row.getInteger("version"), row.getLong("region_id"), row.getLong("township_id"), row.getLong("zone_id"));
    }

    /** Idle land (闲置土地): no construction start one year after the agreed start date. */
    static String idleWarning(Supply supply, LocalDate today) {
        if (supply == null || supply.agreedStartOn() == null || supply.constructionStartedOn() != null) {
            return null;
        }
        LocalDate idleFrom = supply.agreedStartOn().plusYears(1);
        return today.isAfter(idleFrom) ? "Idle land: construction was agreed to start on " + supply.agreedStartOn()
                + " and has not started a year later" : null;
    }
}

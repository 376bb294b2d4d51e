package org.duban.land;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Parcel")
@Description("A parcel of land approved for construction, with its approval, supply and standard-land facts.")
public record Parcel(
        @Id @GlobalId(IdKind.PARCEL) long id,
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
        @Description("Where supplied land stands today (供而未用 or 已用); null while it is not supplied")
        LandUseState useState,
        @Description("Sold as standard land (标准地), with a lifecycle stage") boolean standardLand,
        StandardLandStage stage,
        @Description("When the site was ready (通平条件)") LocalDate siteReadyOn,
        @Description("When the parcel was accepted against its indicators (对表验收)") LocalDate acceptedOn,
        @Description("The outline: a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude, as text") String geometry,
        @Description("When a partial supply split the parcel into parts (category SPLIT)") LocalDate splitOn,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @NonNull Integer version,
        @Ignore long regionId,
        @Ignore long townshipId,
        @Ignore Long zoneId,
        @Ignore Long splitFromId) implements Node {

    @Type("Approval")
    @Description("The approval converting the land to construction use")
    public record Approval(@Description("批次名称") String batchName, String documentNumber, @NonNull LocalDate approvedOn,
            ApprovalLevel level) {
    }

    @Type("Supply")
    @Description("The supply (供地) of a parcel to a land user, and the use made of it since: agreed and actual handover "
            + "(交地), construction start and completion (竣工), and an idle-land determination")
    public record Supply(@NonNull LocalDate suppliedOn, @NonNull SupplyMethod method, String contractNumber, String landUser,
            @Description("The handover (交地) the contract agrees") LocalDate handoverAgreedOn,
            LocalDate handedOverOn,
            @Description("The construction start agreed in the contract") LocalDate agreedStartOn,
            LocalDate constructionStartedOn,
            @Description("The completion (竣工) the contract agrees") LocalDate agreedCompletionOn,
            LocalDate completedOn,
            @Description("闲置认定, when the land was determined idle") IdleDetermination idleDetermination) {
    }

    @Type("IdleDetermination")
    @Description("The determination that supplied land is idle (闲置认定) and the disposal decided")
    public record IdleDetermination(@NonNull LocalDate determinedOn, @NonNull String cause, @NonNull IdleDisposal disposal,
            @Description("What the disposal is, for OTHER; any detail otherwise") String disposalNote) {
    }

    private static final String COLUMNS = "p.id, p.region_id, p.code, p.name, p.township_id, p.zone_id, p.location, "
            + "p.land_use, p.area_mu, p.approval_batch, p.approval_number, p.approved_on, p.approval_level, p.supplied_on, "
            + "p.supply_method, p.contract_number, p.land_user, p.handover_agreed_on, p.handed_over_on, p.agreed_start_on, "
            + "p.construction_started_on, p.agreed_completion_on, p.completed_on, p.idle_determined_on, p.idle_cause, "
            + "p.idle_disposal, p.idle_disposal_note, p.standard_land, p.stage, p.site_ready_on, p.accepted_on, "
            + "p.geometry::text as geometry, p.split_from_id, p.split_on, p.created_at, p.updated_at, p.version, "
            + "s.awaiting_adjustment";

    /** Parcel columns for aliases {@code p} (parcel) and {@code s} (its parcel_status row), with the use on the day. */
    public static String columns(LocalDate today) {
        return COLUMNS + ", " + category(today) + " as category, " + useState(today) + " as use_state";
    }

    /**
     * The parcel's use state on the day (V12's parcel_use_state) for alias {@code p}; the day is a literal, so that
     * the expression goes into any statement whatever its parameters.
     */
    static String useState(LocalDate today) {
        return "parcel_use_state(date '" + today + "', p.supplied_on, p.handed_over_on, p.agreed_start_on,"
                + " p.construction_started_on, p.agreed_completion_on, p.completed_on, p.idle_determined_on)";
    }

    /**
     * The category on the day, for alias {@code p} and {@code s}: the standing toward the stock (V2's parcel_status)
     * and, once supplied, whether the use state is one of used land. Reads, filters and the map all take it from here.
     */
    static String category(LocalDate today) {
        return "case when s.category <> 'SUPPLIED' then s.category when " + useState(today) + " in "
                + LandUseState.sqlList(true) + " then 'USED' else 'SUPPLIED_UNUSED' end";
    }

    // A left join: every parcel has its status row, and a count that reads no status leaves the view out.
    public static final String FROM = " from parcel p left join parcel_status s on s.parcel_id = p.id";

    /** A parcel read with {@link #columns}. */
    public static Parcel from(Row row) {
        BigDecimal area = row.getBigDecimal("area_mu");
        LocalDate suppliedOn = row.getLocalDate("supplied_on");
        LocalDate idleOn = row.getLocalDate("idle_determined_on");
        IdleDetermination idle = idleOn == null ? null : new IdleDetermination(idleOn, row.getString("idle_cause"),
                IdleDisposal.valueOf(row.getString("idle_disposal")), row.getString("idle_disposal_note"));
        Supply supply = suppliedOn == null ? null : new Supply(suppliedOn, SupplyMethod.valueOf(row.getString("supply_method")),
                row.getString("contract_number"), row.getString("land_user"), row.getLocalDate("handover_agreed_on"),
                row.getLocalDate("handed_over_on"), row.getLocalDate("agreed_start_on"),
                row.getLocalDate("construction_started_on"), row.getLocalDate("agreed_completion_on"),
                row.getLocalDate("completed_on"), idle);
        String useStateName = row.getString("use_state");
        LandUseState useState = useStateName == null ? null : LandUseState.valueOf(useStateName);
        String stage = row.getString("stage");
        String level = row.getString("approval_level");
        return new Parcel(row.getLong("id"), row.getString("code"), row.getString("name"), row.getString("location"),
                LandUse.valueOf(row.getString("land_use")), area, Area.squareMetres(area), Area.hectares(area),
                new Approval(row.getString("approval_batch"), row.getString("approval_number"), row.getLocalDate("approved_on"),
                        level == null ? null : ApprovalLevel.valueOf(level)),
                ParcelCategory.valueOf(row.getString("category")), row.getBoolean("awaiting_adjustment"), supply,
                useState, row.getBoolean("standard_land"),
                stage == null ? null : StandardLandStage.valueOf(stage), row.getLocalDate("site_ready_on"),
                row.getLocalDate("accepted_on"), row.getString("geometry"), row.getLocalDate("split_on"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                row.getInteger("version"), row.getLong("region_id"), row.getLong("township_id"), row.getLong("zone_id"),
                row.getLong("split_from_id"));
    }

    /** By id alone, as a task's: data loaders hash a parcel three times for each batched field they load for it. */
    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

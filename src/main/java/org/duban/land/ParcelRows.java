package org.duban.land;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code parcel} and {@code approval_adjustment}, and the reads a write takes of them; every method
 * runs in the caller's transaction (editing parcels, the standard-land lifecycle, importing a plan file).
 */
@ApplicationScoped
public class ParcelRows {

    private static final String PARCEL = "select id, region_id, code, name, township_id, zone_id, location, land_use, area_mu,"
            + " approval_batch, approval_number, approved_on, approval_level, supplied_on, supply_method, contract_number,"
            + " land_user, handover_agreed_on, handed_over_on, agreed_start_on, construction_started_on, agreed_completion_on,"
            + " completed_on, idle_determined_on, idle_cause, idle_disposal, idle_disposal_note, standard_land, stage,"
            + " site_ready_on, accepted_on, geometry::text as geometry, split_from_id, origin_id, split_on, created_at,"
            + " updated_at, version from parcel";
    private static final String ADJUSTMENT = "select id, parcel_id, status, requested_on, reason, requested_by, completed_on,"
            + " new_document_number, note, created_at, updated_at, version from approval_adjustment";

    public Uni<ParcelRow> parcel(SqlClient sql, long id) {
        return sql.preparedQuery(PARCEL + " where id = $1").execute(Tuple.of(id)).map(rows -> Rows.first(rows, ParcelRow::from));
    }

    public Uni<ParcelRow> byCode(SqlClient sql, long regionId, String code) {
        return sql.preparedQuery(PARCEL + " where region_id = $1 and code = $2").execute(Tuple.of(regionId, code))
                .map(rows -> Rows.first(rows, ParcelRow::from));
    }

    /** Those of the ids that are parcels of the region. */
    public Uni<Set<Long>> inRegion(SqlClient sql, long regionId, Long[] ids) {
        return sql.preparedQuery("select id from parcel where id = any($1) and region_id = $2").execute(Tuple.of(ids, regionId))
                .map(rows -> Set.copyOf(Rows.map(rows, row -> row.getLong("id"))));
    }

    /** The ids of those of the codes that are parcels of the region, by code. */
    public Uni<Map<String, Long>> idsByCode(SqlClient sql, long regionId, String[] codes) {
        return sql.preparedQuery("select code, id from parcel where region_id = $1 and code = any($2)")
                .execute(Tuple.of(regionId, codes))
                .map(rows -> Rows.map(rows, row -> Map.entry(row.getString("code"), row.getLong("id"))).stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public Uni<Void> insert(SqlClient sql, ParcelRow parcel) {
        // GeoJSON travels as text and becomes jsonb in the database: a string bound as jsonb would be one JSON string.
        return Rows.insert(sql, "insert into parcel (region_id, code, name, township_id, zone_id, location, land_use, area_mu,"
                + " approval_batch, approval_number, approved_on, approval_level, supplied_on, supply_method, contract_number,"
                + " land_user, handover_agreed_on, handed_over_on, agreed_start_on, construction_started_on,"
                + " agreed_completion_on, completed_on, idle_determined_on, idle_cause, idle_disposal, idle_disposal_note,"
                + " standard_land, stage, site_ready_on, accepted_on, geometry, split_from_id, origin_id, split_on, created_at,"
                + " updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,"
                + " $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, cast($31::text as jsonb), $32, $33, $34, $35, $36)"
                + " returning id",
                parcel.regionId, parcel.code, parcel.name, parcel.townshipId, parcel.zoneId,
                parcel.location, Rows.name(parcel.landUse), parcel.areaMu, parcel.approvalBatch, parcel.approvalNumber,
                parcel.approvedOn, Rows.name(parcel.approvalLevel), parcel.suppliedOn, Rows.name(parcel.supplyMethod),
                parcel.contractNumber, parcel.landUser, parcel.handoverAgreedOn, parcel.handedOverOn, parcel.agreedStartOn,
                parcel.constructionStartedOn, parcel.agreedCompletionOn, parcel.completedOn, parcel.idleDeterminedOn,
                parcel.idleCause, Rows.name(parcel.idleDisposal), parcel.idleDisposalNote,
                parcel.standardLand, Rows.name(parcel.stage), parcel.siteReadyOn, parcel.acceptedOn, parcel.geometry,
                parcel.splitFromId, parcel.originId, parcel.splitOn, Rows.utc(parcel.createdAt), Rows.utc(parcel.updatedAt))
                .invoke(id -> parcel.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, ParcelRow parcel) {
        return Rows.update(sql, "update parcel set code = $3, name = $4, township_id = $5, zone_id = $6, location = $7,"
                + " land_use = $8, area_mu = $9, approval_batch = $10, approval_number = $11, approved_on = $12,"
                + " approval_level = $13, supplied_on = $14, supply_method = $15, contract_number = $16, land_user = $17,"
                + " handover_agreed_on = $18, handed_over_on = $19, agreed_start_on = $20, construction_started_on = $21,"
                + " agreed_completion_on = $22, completed_on = $23, idle_determined_on = $24, idle_cause = $25,"
                + " idle_disposal = $26, idle_disposal_note = $27, standard_land = $28, stage = $29,"
                + " site_ready_on = $30, accepted_on = $31, geometry = cast($32::text as jsonb), split_on = $33,"
                + " updated_at = $34, version = version + 1 where id = $1 and version = $2", parcel, "Parcel",
                parcel.code, parcel.name, parcel.townshipId,
                parcel.zoneId, parcel.location, Rows.name(parcel.landUse), parcel.areaMu, parcel.approvalBatch,
                parcel.approvalNumber, parcel.approvedOn, Rows.name(parcel.approvalLevel), parcel.suppliedOn,
                Rows.name(parcel.supplyMethod), parcel.contractNumber, parcel.landUser, parcel.handoverAgreedOn,
                parcel.handedOverOn, parcel.agreedStartOn, parcel.constructionStartedOn, parcel.agreedCompletionOn,
                parcel.completedOn, parcel.idleDeterminedOn, parcel.idleCause, Rows.name(parcel.idleDisposal),
                parcel.idleDisposalNote, parcel.standardLand, Rows.name(parcel.stage), parcel.siteReadyOn,
                parcel.acceptedOn, parcel.geometry, parcel.splitOn, Rows.utc(parcel.updatedAt));
    }

    public Uni<ApprovalAdjustmentRow> adjustment(SqlClient sql, long id) {
        return sql.preparedQuery(ADJUSTMENT + " where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, ApprovalAdjustmentRow::from));
    }

    public Uni<List<ApprovalAdjustmentRow>> adjustmentsOf(SqlClient sql, long parcelId) {
        return sql.preparedQuery(ADJUSTMENT + " where parcel_id = $1 order by id").execute(Tuple.of(parcelId))
                .map(rows -> Rows.map(rows, ApprovalAdjustmentRow::from));
    }

    public Uni<Void> insert(SqlClient sql, ApprovalAdjustmentRow adjustment) {
        return Rows.insert(sql, "insert into approval_adjustment (parcel_id, status, requested_on, reason, requested_by,"
                + " completed_on, new_document_number, note, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                + " $9, $10) returning id",
                adjustment.parcelId, Rows.name(adjustment.status), adjustment.requestedOn,
                adjustment.reason, adjustment.requestedBy, adjustment.completedOn, adjustment.newDocumentNumber,
                adjustment.note, Rows.utc(adjustment.createdAt), Rows.utc(adjustment.updatedAt))
                .invoke(id -> adjustment.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, ApprovalAdjustmentRow adjustment) {
        return Rows.update(sql, "update approval_adjustment set status = $3, completed_on = $4, new_document_number = $5,"
                + " note = $6, updated_at = $7, version = version + 1 where id = $1 and version = $2", adjustment, "ApprovalAdjustment",
                Rows.name(adjustment.status),
                adjustment.completedOn, adjustment.newDocumentNumber, adjustment.note, Rows.utc(adjustment.updatedAt));
    }
}

package org.duban.land;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.duban.common.TrackedRow;
import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

public class ParcelRow extends TrackedRow {

    public Long regionId;

    public String code;

    public String name;

    public Long townshipId;

    public Long zoneId;

    public String location;

    public LandUse landUse;

    public BigDecimal areaMu;

    public String approvalBatch;

    public String approvalNumber;

    public LocalDate approvedOn;

    public ApprovalLevel approvalLevel;

    public LocalDate suppliedOn;

    public SupplyMethod supplyMethod;

    public String contractNumber;

    public String landUser;

    public LocalDate handoverAgreedOn;

    public LocalDate handedOverOn;

    public LocalDate agreedStartOn;

    public LocalDate constructionStartedOn;

    public LocalDate agreedCompletionOn;

    public LocalDate completedOn;

    public LocalDate idleDeterminedOn;

    public String idleCause;

    public IdleDisposal idleDisposal;

    public String idleDisposalNote;

    public boolean standardLand;

    public StandardLandStage stage;

    public LocalDate siteReadyOn;

    public LocalDate acceptedOn;

    /** GeoJSON text, validated by {@link GeoJson}; jsonb in the database. */
    public String geometry;

    /** The parcel this one is a part of, and the one first approved; null for a parcel approved as it is. */
    public Long splitFromId;

    public Long originId;

    /** When a partial supply split this parcel into parts; it is history from then on. */
    public LocalDate splitOn;

    static ParcelRow from(Row row) {
        ParcelRow parcel = new ParcelRow();
        parcel.readTracked(row);
        parcel.regionId = row.getLong("region_id");
        parcel.code = row.getString("code");
        parcel.name = row.getString("name");
        parcel.townshipId = row.getLong("township_id");
        parcel.zoneId = row.getLong("zone_id");
        parcel.location = row.getString("location");
        parcel.landUse = Rows.enumOf(row, "land_use", LandUse.class);
        parcel.areaMu = row.getBigDecimal("area_mu");
        parcel.approvalBatch = row.getString("approval_batch");
        parcel.approvalNumber = row.getString("approval_number");
        parcel.approvedOn = row.getLocalDate("approved_on");
        parcel.approvalLevel = Rows.enumOf(row, "approval_level", ApprovalLevel.class);
        parcel.suppliedOn = row.getLocalDate("supplied_on");
        parcel.supplyMethod = Rows.enumOf(row, "supply_method", SupplyMethod.class);
        parcel.contractNumber = row.getString("contract_number");
        parcel.landUser = row.getString("land_user");
        parcel.handoverAgreedOn = row.getLocalDate("handover_agreed_on");
        parcel.handedOverOn = row.getLocalDate("handed_over_on");
        parcel.agreedStartOn = row.getLocalDate("agreed_start_on");
        parcel.constructionStartedOn = row.getLocalDate("construction_started_on");
        parcel.agreedCompletionOn = row.getLocalDate("agreed_completion_on");
        parcel.completedOn = row.getLocalDate("completed_on");
        parcel.idleDeterminedOn = row.getLocalDate("idle_determined_on");
        parcel.idleCause = row.getString("idle_cause");
        parcel.idleDisposal = Rows.enumOf(row, "idle_disposal", IdleDisposal.class);
        parcel.idleDisposalNote = row.getString("idle_disposal_note");
        parcel.standardLand = row.getBoolean("standard_land");
        parcel.stage = Rows.enumOf(row, "stage", StandardLandStage.class);
        parcel.siteReadyOn = row.getLocalDate("site_ready_on");
        parcel.acceptedOn = row.getLocalDate("accepted_on");
        parcel.geometry = row.getString("geometry");
        parcel.splitFromId = row.getLong("split_from_id");
        parcel.originId = row.getLong("origin_id");
        parcel.splitOn = row.getLocalDate("split_on");
        return parcel;
    }

    /**
     * A part of this parcel, not yet saved: the approval, place and use of the original, the given area, no supply,
     * geometry or standard-land record of its own.
     */
    ParcelRow part(String partCode, String partName, BigDecimal partArea) {
        ParcelRow part = new ParcelRow();
        part.regionId = regionId;
        part.code = partCode;
        part.name = partName;
        part.townshipId = townshipId;
        part.zoneId = zoneId;
        part.location = location;
        part.landUse = landUse;
        part.areaMu = partArea;
        part.approvalBatch = approvalBatch;
        part.approvalNumber = approvalNumber;
        part.approvedOn = approvedOn;
        part.approvalLevel = approvalLevel;
        part.splitFromId = id;
        part.originId = originId != null ? originId : id;
        return part;
    }
}

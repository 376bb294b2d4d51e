package org.duban.land;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "parcel")
public class ParcelEntity extends TrackedEntity {

    @Column(name = "region_id")
    public Long regionId;

    public String code;

    public String name;

    @Column(name = "township_id")
    public Long townshipId;

    @Column(name = "zone_id")
    public Long zoneId;

    public String location;

    @Column(name = "land_use")
    @Enumerated(EnumType.STRING)
    public LandUse landUse;

    @Column(name = "area_mu", precision = 14, scale = 4)
    public BigDecimal areaMu;

    @Column(name = "approval_batch")
    public String approvalBatch;

    @Column(name = "approval_number")
    public String approvalNumber;

    @Column(name = "approved_on")
    public LocalDate approvedOn;

    @Column(name = "approval_level")
    @Enumerated(EnumType.STRING)
    public ApprovalLevel approvalLevel;

    @Column(name = "supplied_on")
    public LocalDate suppliedOn;

    @Column(name = "supply_method")
    @Enumerated(EnumType.STRING)
    public SupplyMethod supplyMethod;

    @Column(name = "contract_number")
    public String contractNumber;

    @Column(name = "land_user")
    public String landUser;

    @Column(name = "agreed_start_on")
    public LocalDate agreedStartOn;

    @Column(name = "construction_started_on")
    public LocalDate constructionStartedOn;

    @Column(name = "standard_land")
    public boolean standardLand;

    @Enumerated(EnumType.STRING)
    public StandardLandStage stage;

    @Column(name = "site_ready_on")
    public LocalDate siteReadyOn;

    @Column(name = "accepted_on")
    public LocalDate acceptedOn;

    /**
     * GeoJSON text, validated by {@link GeoJson}; jsonb in the database. Bound as text first: a String bound
     * straight to a jsonb parameter would be stored as one JSON string.
     */
    @ColumnTransformer(read = "geometry::text", write = "cast(cast(? as text) as jsonb)")
    public String geometry;
}

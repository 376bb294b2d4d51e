package org.duban.land.standard;

import java.time.Instant;
import java.time.LocalDate;

import org.duban.land.StandardLandStage;

/** A move of a standard-land parcel from one stage to another, kept as its history. */
public class ParcelStageChangeRow {

    public Long parcelId;

    public StandardLandStage fromStage;

    public StandardLandStage toStage;

    public LocalDate changedOn;

    public String note;

    public String reason;

    public Long accountId;

    public Instant createdAt;
}

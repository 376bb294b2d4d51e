package org.duban.land.standard;

import java.math.BigDecimal;

import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

/** A control indicator agreed for a standard-land parcel, and what acceptance found (StandardLandRows). */
public class ControlIndicatorRow {

    public Long id;

    public IndicatorKind kind;

    public String name;

    public String unit;

    public Comparator comparator;

    public BigDecimal target;

    public BigDecimal targetMax;

    public BigDecimal actual;

    public Boolean actualPassed;

    static ControlIndicatorRow from(Row row) {
        ControlIndicatorRow indicator = new ControlIndicatorRow();
        indicator.id = row.getLong("id");
        indicator.kind = Rows.enumOf(row, "kind", IndicatorKind.class);
        indicator.name = row.getString("name");
        indicator.unit = row.getString("unit");
        indicator.comparator = Rows.enumOf(row, "comparator", Comparator.class);
        indicator.target = row.getBigDecimal("target");
        indicator.targetMax = row.getBigDecimal("target_max");
        indicator.actual = row.getBigDecimal("actual");
        indicator.actualPassed = row.getBoolean("actual_passed");
        return indicator;
    }
}

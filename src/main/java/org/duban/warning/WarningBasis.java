package org.duban.warning;

import org.eclipse.microprofile.graphql.Description;

public enum WarningBasis {
    @Description("The deadline: passed (RED) or within the warning's working days (YELLOW)")
    TIME,
    @Description("Percent complete lags the share of the task's time that has passed")
    PACE
}

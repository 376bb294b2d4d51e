package org.duban.warning;

import org.eclipse.microprofile.graphql.Description;

/** 三色预警. */
public enum WarningLevel {
    @Description("On track")
    GREEN,
    @Description("Due within a few working days and not submitted, or behind pace")
    YELLOW,
    @Description("Overdue")
    RED
}

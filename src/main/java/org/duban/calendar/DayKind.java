package org.duban.calendar;

import org.eclipse.microprofile.graphql.Description;

public enum DayKind {
    @Description("A public holiday: not a working day, whatever the weekday")
    HOLIDAY,
    @Description("A weekend day that is a working day (调休)")
    MAKEUP_WORKDAY
}

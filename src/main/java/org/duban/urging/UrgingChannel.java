package org.duban.urging;

import org.eclipse.microprofile.graphql.Description;

/** How a unit was urged (催办方式). */
public enum UrgingChannel {
    @Description("A message through Duban, on the unit's channels and to its named people")
    MESSAGE,
    @Description("By telephone, recorded after the fact")
    PHONE,
    @Description("By letter (督办函), recorded after the fact")
    LETTER,
    @Description("A visit, recorded after the fact")
    VISIT,
    @Description("At a meeting (约谈, 调度会), recorded after the fact")
    MEETING,
    @Description("The automatic urging of the plan's urging ladder, after the policy's working days overdue")
    AUTOMATIC
}

package org.duban.people;

import org.eclipse.microprofile.graphql.Description;

/** The posts a unit names for its part of a task (任务到岗，责任到人). */
public enum PersonRole {
    @Description("责任领导: the leader in charge")
    LEADER_IN_CHARGE,
    @Description("责任人: the person responsible")
    RESPONSIBLE,
    @Description("联络员: the liaison the office calls")
    LIAISON
}

package org.duban.supervision;

import org.eclipse.microprofile.graphql.Description;

/** What a task's percent complete follows, in this order of precedence. */
public enum ProgressBasis {
    @Description("Its measures (quota, regional evaluations, standard-land sales): the least advanced of them")
    MEASURES,
    @Description("Its checklist: the share of items ticked")
    CHECKLIST,
    @Description("The lowest latest report of its lead units (one that has not reported counts 0)")
    LEAD_REPORTS,
    @Description("Nothing yet: no measure, checklist or lead unit")
    NONE
}

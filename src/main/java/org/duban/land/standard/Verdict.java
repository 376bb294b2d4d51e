package org.duban.land.standard;

import org.eclipse.microprofile.graphql.Description;

public enum Verdict {
    MET,
    NOT_MET,
    @Description("No actual value recorded yet")
    NOT_RECORDED,
    @Description("Overall: nothing failed, but some indicator has no actual value")
    INCOMPLETE
}

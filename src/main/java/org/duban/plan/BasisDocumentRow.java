package org.duban.plan;

/** A document a plan is based on, written with the plan's others (PlanRows.replaceBasisDocuments). */
public class BasisDocumentRow {

    public String number;

    public String title;

    public String issuer;
}

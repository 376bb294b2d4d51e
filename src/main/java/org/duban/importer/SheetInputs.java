package org.duban.importer;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** What a sheet does not say: the plan its tasks belong to, and, where not the usual, which column is which. */
public final class SheetInputs {

    private SheetInputs() {
    }

    @Input("PlanSheetInput")
    @Description("The plan a task list's sheet becomes, as a plan file's plan section says it")
    public record Plan(
            @NonNull @Id String regionId,
            @Size(max = 100) @Description("文号; none for a plan attached to a notice") String documentNumber,
            @NonNull @NotBlank @Size(max = 500) String title,
            @NonNull @NotBlank @Description("A unit of the region, by name, short name or alias") String issuingUnit,
            @NonNull LocalDate issuedOn,
            @Size(max = 20_000) String summary) {
    }

    @Input("SheetColumnsInput")
    @Description("Which sheet, which header row and which column holds what: each column by its header's text or its"
            + " letter (C). Left out, the usual headers are found: 编号/序号, 整改任务/任务, 责任单位, 牵头单位, 配合单位,"
            + " 完成时限/整改时限, 时限要求, 时限说明 (Duban's own ledger among them, so that an exported ledger imports back)")
    public record Columns(
            @Description("By default the first sheet") String sheet,
            @Description("From 1; by default the first row naming the task column") Integer headerRow,
            String code,
            @Description("The parent task's code; by default the longest code of the list that begins a task's own") String parent,
            String title,
            String description,
            @Description("Units, each marked 甲（牵头） or 乙（配合） where the cell says; unmarked ones by the import's rule") String units,
            String leadUnits,
            String assistUnits,
            @Description("A date, or the words of a document (9月底前, 每月5日前)") String deadline,
            @Description("The deadline in a document's words (9月底前, 每月5日前), read before the date column") String deadlineWords,
            @Description("A note on the deadline (时限说明)") String deadlineNote) {
    }
}

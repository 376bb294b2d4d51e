package org.duban.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the plan and task mutations. In updates, a field left out (null) stays as it is. */
public final class PlanInputs {

    private PlanInputs() {
    }

    @Input("CreatePlanInput")
    public record CreatePlan(
            @NonNull @Description("The issuing unit; the plan belongs to its region") @Id String issuingUnitId,
            @Size(min = 1, max = 100) @Description("文号, unique; none for a plan attached to a notice, known then by title, issuer"
                    + " and date") String documentNumber,
            @NonNull @NotBlank @Size(max = 500) String title,
            @NonNull LocalDate issuedOn,
            @Size(max = 20000) String summary,
            List<@Valid BasisDocumentInput> basisDocuments,
            @Description("The leading groups steering the plan") @Id List<String> leadingGroupIds,
            @Description("抄送: the offices the document was copied to") List<String> copiedTo,
            @Description("主送: the units and unit sets it is addressed to, in order") List<@Valid AddresseeInput> addressees) {
    }

    @Input("UpdatePlanInput")
    public record UpdatePlan(
            @Id String issuingUnitId,
            @Size(min = 1, max = 100) String documentNumber,
            @Size(min = 1, max = 500) String title,
            LocalDate issuedOn,
            @Description("An empty string removes it") @Size(max = 20000) String summary,
            @Description("Replaces the list") List<@Valid BasisDocumentInput> basisDocuments,
            @Description("Replaces the list") @Id List<String> leadingGroupIds,
            @Description("Replaces the list") List<String> copiedTo,
            @Description("Replaces the list") List<@Valid AddresseeInput> addressees,
            @Description("The version the change is based on; CONFLICT if the plan changed since") Integer expectedVersion,
            @Size(max = 100) @Description("文号 of the higher plan this one answers, a plan of a region above (the city's, the "
                    + "province's); an empty string removes the link, and with it the links of its tasks") String answersPlan) {
    }

    @Input("AddresseeInput")
    @Description("A unit or a unit set of the plan's region: exactly one")
    public record AddresseeInput(@Id String unitId, @Id String unitSetId) {
    }

    @Input("BasisDocumentInput")
    public record BasisDocumentInput(
            @NonNull @NotBlank @Size(max = 100) String number,
            @Size(max = 500) String title,
            @Size(max = 200) String issuer) {
    }

    @Input("CreateTaskInput")
    public record CreateTask(
            @NonNull @Id String planId,
            @Description("The section or task this one belongs to; none for a top-level section") @Id String parentId,
            @NonNull @NotBlank @Size(max = 50) @Description("As the document writes it, e.g. (一)3(2)") String code,
            @NonNull @NotBlank @Size(max = 500) String title,
            @Size(max = 20000) String description,
            @Description("Defaults to the plan's issue date") LocalDate startDate,
            @Description("Inclusive due date in Asia/Shanghai") LocalDate deadline,
            @Size(max = 500) String deadlineNote,
            @Size(max = 200) @Description("Makes the task recur: an RFC 5545 RRULE such as FREQ=MONTHLY;BYMONTHDAY=-1, "
                    + "from the start date; each occurrence is then a deadline of its own. Excludes a deadline.")
            String recurrence,
            @Min(1) @Description("Place among its siblings, from 1; appended when left out") Integer position,
            @Description("Responsible units and unit sets, in the document's order") List<@Valid AssignmentInput> assignments,
            @Description("Checklist item titles") List<String> deliverables) {
    }

    @Input("UpdateTaskInput")
    public record UpdateTask(
            @Size(min = 1, max = 50) String code,
            @Size(min = 1, max = 500) String title,
            @Description("An empty string removes it") @Size(max = 20000) String description,
            LocalDate startDate,
            LocalDate deadline,
            @Description("true removes the deadline") Boolean removeDeadline,
            @Description("An empty string removes it") @Size(max = 500) String deadlineNote,
            @Description("An RRULE; an empty string makes the task non-recurring") @Size(max = 200) String recurrence,
            @Description("The version the change is based on; CONFLICT if the task changed since") Integer expectedVersion,
            @Size(max = 50) @Description("The code of the task of the higher plan (see UpdatePlanInput.answersPlan) this task "
                    + "carries out; an empty string removes the link") String answersTaskCode) {
    }

    @Input("AssignmentInput")
    @Description("A unit or a unit set (exactly one). Without a role: one unit leads; beside a named lead the others assist; with no lead named all are RESPONSIBLE.")
    public record AssignmentInput(@Id String unitId, @Id String unitSetId, AssignmentRole role) {
    }

    @Input("DeliverableInput")
    @Description("A checklist item: with the id of an existing item to change it, without to add one.")
    public record DeliverableInput(@Id String id, @NonNull @NotBlank @Size(max = 500) String title, Boolean done) {
    }
}

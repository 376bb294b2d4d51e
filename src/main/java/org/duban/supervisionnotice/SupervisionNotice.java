package org.duban.supervisionnotice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.warning.WarningLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("SupervisionNotice")
@Description("A supervision notice (督办单): numbered per region and year, at a level, to one unit about a task (or one of its"
        + " milestones), with the facts as they stood when issued, what is required and the day to reply by; the unit's reply"
        + " closes it. pdfPath serves it as the printed paper.")
public record SupervisionNotice(
        @Id @GlobalId(IdKind.SUPERVISION_NOTICE) long id,
        @NonNull @Description("As printed, e.g. 督办〔2022〕3号") String number,
        @NonNull SupervisionLevel level,
        @NonNull SupervisionNoticeState state,
        @NonNull @Description("The office that issued it") String issuingOffice,
        @NonNull @Description("The unit's name when it was issued") String unitName,
        @NonNull @Description("The plan the task belongs to, as issued") String planTitle,
        @Description("The plan's document number (文号), if it has one") String planNumber,
        @NonNull String taskCode,
        @NonNull String taskTitle,
        @Description("The milestone it presses on, if any") String milestoneTitle,
        @NonNull @Description("The facts as issued") SupervisionFacts facts,
        @NonNull String requirement,
        @NonNull LocalDate replyBy,
        @NonNull LocalDate issuedOn,
        @NonNull Instant issuedAt,
        @Description("What the unit replied; null while it has not") String reply,
        @NonNull @Id @GlobalId(IdKind.EVIDENCE) List<@NonNull String> replyEvidenceIds,
        Instant repliedAt,
        @NonNull @Description("GET this path, with the token, for the notice as a PDF") String pdfPath,
        @Ignore long taskId,
        @Ignore long unitId,
        @Ignore long regionId) {

    public static final String PATH = "/notices/";

    @Type("SupervisionFacts")
    @Description("A task's facts as a supervision notice states them, on the day it was issued")
    public record SupervisionFacts(
            @Description("The deadline pressed on: the milestone's, or the task's") LocalDate deadline,
            @Description("Calendar days past that deadline, 0 when it has not passed") int overdueDays,
            @Description("Percent complete, 0 to 100") int percentComplete,
            @Description("The task's warning colour; null for none") WarningLevel warningLevel,
            @NonNull @Description("The latest urgings of the unit about the task, newest first, as the paper lists them")
            List<@NonNull String> urgings) {
    }

    static final String COLUMNS = "s.id, s.number, s.level, s.issuing_office, s.unit_name, s.task_code, s.task_title, s.milestone_title,"
            + " s.deadline, s.overdue_days, s.percent_complete, s.warning_level, s.urgings, s.requirement, s.reply_by, s.issued_on,"
            + " s.issued_at, s.reply, s.reply_evidence_ids, s.replied_at, s.task_id, s.unit_id, s.region_id, s.plan_title, s.plan_number,"
            + " s.year, s.serial";

    static SupervisionNotice from(Row row, LocalDate today) {
        long id = row.getLong("id");
        LocalDate replyBy = row.getLocalDate("reply_by");
        boolean replied = row.getValue("replied_at") != null;
        SupervisionNoticeState state = replied ? SupervisionNoticeState.REPLIED
                : today.isAfter(replyBy) ? SupervisionNoticeState.OVERDUE : SupervisionNoticeState.AWAITING_REPLY;
        String warning = row.getString("warning_level");
        Long[] evidence = row.getArrayOfLongs("reply_evidence_ids");
        return new SupervisionNotice(id, row.getString("number"), SupervisionLevel.valueOf(row.getString("level")), state,
                row.getString("issuing_office"), row.getString("unit_name"), row.getString("plan_title"), row.getString("plan_number"),
                row.getString("task_code"), row.getString("task_title"),
                row.getString("milestone_title"),
                new SupervisionFacts(row.getLocalDate("deadline"), row.getInteger("overdue_days"), row.getInteger("percent_complete"),
                        warning == null ? null : WarningLevel.valueOf(warning), Arrays.asList(row.getArrayOfStrings("urgings"))),
                row.getString("requirement"), replyBy, row.getLocalDate("issued_on"),
                row.getOffsetDateTime("issued_at").toInstant(), row.getString("reply"),
                evidence == null ? List.of() : Arrays.stream(evidence).map(String::valueOf).toList(),
                replied ? row.getOffsetDateTime("replied_at").toInstant() : null,
                PATH + Ids.of(IdKind.SUPERVISION_NOTICE, id) + ".pdf",
                row.getLong("task_id"), row.getLong("unit_id"), row.getLong("region_id"));
    }
}

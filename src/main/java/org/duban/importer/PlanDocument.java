package org.duban.importer;

import java.time.LocalDate;
import java.util.List;

import org.duban.group.MemberRole;
import org.duban.land.LandDocument;
import org.duban.measure.MeasureKind;
import org.duban.measure.NumberTarget;
import org.duban.milestone.MilestoneInput;
import org.duban.plan.AssignmentRole;
import org.duban.problem.ProblemInput;
import org.duban.unit.UnitKind;
import org.duban.unit.UnitSetKind;

/**
 * A plan file as read, before anything is written. Each element keeps its path in the file
 * ({@code tasks[3]}) so that errors found while writing still point at the line to fix. References between
 * elements are by name (units, groups, sets) or by code (a task's parent), as a person transcribing a
 * document would write them.
 */
public record PlanDocument(Region region, List<Unit> units, List<UnitSet> unitSets, List<Group> leadingGroups,
        Plan plan, List<Task> tasks, LandDocument land, List<Inspection> inspections, List<Problem> problems) {

    /** A feedback problem the plan answers; its tasks by code. */
    public record Problem(String path, ProblemInput input) {
    }

    /** An inspection of the plan announced in (or for) the document: who checks, and when. */
    public record Inspection(String path, String inspectingBody, LocalDate startsOn, LocalDate endsOn) {
    }

    public record Region(String code, String name) {
    }

    public record Unit(String path, String name, String shortName, List<String> aliases, UnitKind kind, String parent) {
    }

    public record UnitSet(String path, String name, UnitSetKind kind, String group, List<String> units, UnitKind unitKind,
            String parent, List<String> aliases) {
    }

    public record Group(String path, String name, String shortName, String officeUnit, String officeDirector,
            List<Member> members) {
    }

    public record Member(String path, String name, String title, String unit, String unitSet, MemberRole role) {
    }

    /** {@code answers}: the 文号 of the higher plan it answers, or null. */
    public record Plan(String documentNumber, String title, String issuingUnit, LocalDate issuedOn, String summary,
            List<BasisDocument> basisDocuments, List<String> leadingGroups, List<String> copiedTo, List<String> addressees,
            String answers) {
    }

    public record BasisDocument(String number, String title, String issuer) {
    }

    /** {@code answers}: the code of the task of the higher plan it carries out, or null. */
    public record Task(String path, String code, String parent, String title, String description, LocalDate startDate,
            LocalDate deadline, String deadlinePhrase, String deadlineNote, String recurrence, List<Assignment> units, List<String> deliverables,
            List<Measure> measures, List<MilestoneInput> milestones, String answers) {

        Task withUnits(List<Assignment> responsible) {
            return new Task(path, code, parent, title, description, startDate, deadline, deadlinePhrase, deadlineNote,
                    recurrence, responsible, deliverables, measures, milestones, answers);
        }
    }

    /** A task's measure; the region is given by code and defaults to the file's, the zone is a unit name; a NUMBER's target. */
    public record Measure(String path, MeasureKind kind, Integer year, String region, String zone, Integer round,
            NumberTarget number) {
    }

    public record Assignment(String path, String unit, String unitSet, AssignmentRole role) {
    }
}

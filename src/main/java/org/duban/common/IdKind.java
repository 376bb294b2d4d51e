package org.duban.common;

/**
 * What a global id names. The code is sealed inside every id handed out, so a code is never reused or
 * renumbered; a new kind takes the next one.
 */
public enum IdKind {
    PLAN(1, "Plan"),
    TASK(2, "Task"),
    UNIT(3, "Unit"),
    PARCEL(4, "Parcel"),
    NOTIFICATION(5, "Notification"),
    EVIDENCE(6, "Evidence"),
    REGION(7, "Region"),
    UNIT_SET(8, "UnitSet"),
    LEADING_GROUP(9, "LeadingGroup"),
    LEADING_GROUP_MEMBER(10, "LeadingGroupMember"),
    ACCOUNT(11, "User"),
    AUDIT_ENTRY(12, "AuditEntry"),
    INSPECTION(13, "Inspection"),
    PROGRESS_REPORT(14, "ProgressReport"),
    INSTRUCTION(15, "Instruction"),
    INSTRUCTION_ANSWER(16, "InstructionAnswer"),
    STATUS_CHANGE(17, "StatusChange"),
    DEADLINE_EXTENSION(18, "DeadlineExtension"),
    DELIVERABLE(19, "Deliverable"),
    MILESTONE(20, "Milestone"),
    APPROVAL_ADJUSTMENT(21, "ApprovalAdjustment"),
    QUOTA(22, "QuotaProgress"),
    REGIONAL_EVALUATION(23, "RegionalEvaluation"),
    PROBLEM(24, "Problem"),
    MEASURE(25, "Measure"),
    REMINDER(26, "WrittenReminder"),
    URGING(27, "Urging"),
    // rows with no type of their own in the API, named only by the audit log
    TASK_ASSIGNMENT(28, "TaskAssignment"),
    BASIS_DOCUMENT(29, "BasisDocument"),
    CONTROL_INDICATOR(30, "ControlIndicator"),
    NOTICE(31, "Notice"),
    STAGE_CHANGE(32, "StageChange"),
    SUPERVISION_NOTICE(33, "SupervisionNotice"),
    BULLETIN(34, "Bulletin"),
    SHEET_UPLOAD(35, "SheetUpload");

    final byte code;
    /** The GraphQL type the id belongs to, as NOT_FOUND names it. */
    public final String typeName;

    IdKind(int code, String typeName) {
        this.code = (byte) code;
        this.typeName = typeName;
    }

    /** The kind whose rows a type name stands for, if it has one. */
    public static java.util.Optional<IdKind> ofTypeName(String typeName) {
        for (IdKind kind : values()) {
            if (kind.typeName.equals(typeName)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    static IdKind ofCode(byte code) {
        for (IdKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}

package org.duban.land.standard;

public enum EvaluationStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE
}

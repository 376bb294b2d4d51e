package org.duban.land;

import java.time.LocalDate;

import org.duban.common.DubanException;

/**
 * The order the facts of supplied land keep, checked on the whole parcel after any change to them (supply, use,
 * idle determination, a plan file), so that every way in refuses the same things. Fields are named under a prefix:
 * {@code input.} for a mutation, the element's path for a file.
 */
final class SupplyFacts {

    private SupplyFacts() {
    }

    /**
     * Agreed dates are the contract's and may lie ahead; what happened may not, on {@code today}. A plan file passes
     * null: it transcribes a ledger as of its own day, which a clock set back (the demo's) may not have reached.
     */
    static void check(ParcelRow parcel, LocalDate today, String prefix) {
        LocalDate supplied = parcel.suppliedOn;
        notBefore(parcel.handoverAgreedOn, supplied, prefix + "handoverAgreedOn", "the supply date");
        notBefore(parcel.agreedStartOn, supplied, prefix + "agreedStartOn", "the supply date");
        notBefore(parcel.agreedCompletionOn, supplied, prefix + "agreedCompletionOn", "the supply date");
        notBefore(parcel.agreedCompletionOn, parcel.agreedStartOn, prefix + "agreedCompletionOn", "the agreed start");
        notBefore(parcel.handedOverOn, supplied, prefix + "handedOverOn", "the supply date");
        notBefore(parcel.constructionStartedOn, supplied, prefix + "constructionStartedOn", "the supply date");
        notBefore(parcel.constructionStartedOn, parcel.handedOverOn, prefix + "constructionStartedOn", "the handover");
        notBefore(parcel.completedOn, parcel.constructionStartedOn, prefix + "completedOn", "the construction start");
        if (parcel.completedOn != null && parcel.constructionStartedOn == null) {
            throw DubanException.validation(prefix + "completedOn", "construction has not started");
        }
        notBefore(parcel.idleDeterminedOn, supplied, prefix + "idleDetermination.determinedOn", "the supply date");
        if (parcel.idleDeterminedOn != null && parcel.constructionStartedOn != null
                && !parcel.constructionStartedOn.isAfter(parcel.idleDeterminedOn)) {
            throw DubanException.validation(prefix + "idleDetermination.determinedOn",
                    "construction started on " + parcel.constructionStartedOn + ": the land was not idle");
        }
        if (parcel.idleDisposal == IdleDisposal.OTHER && parcel.idleDisposalNote == null) {
            throw DubanException.validation(prefix + "idleDetermination.disposalNote", "says what an OTHER disposal is");
        }
        notAfter(parcel.handedOverOn, today, prefix + "handedOverOn");
        notAfter(parcel.constructionStartedOn, today, prefix + "constructionStartedOn");
        notAfter(parcel.completedOn, today, prefix + "completedOn");
        notAfter(parcel.idleDeterminedOn, today, prefix + "idleDetermination.determinedOn");
    }

    private static void notBefore(LocalDate date, LocalDate bound, String field, String what) {
        if (date != null && bound != null && date.isBefore(bound)) {
            throw DubanException.validation(field, "before " + what + " " + bound);
        }
    }

    private static void notAfter(LocalDate date, LocalDate today, String field) {
        if (date != null && today != null && date.isAfter(today)) {
            throw DubanException.validation(field, "is after today (" + today + "): record what has happened");
        }
    }
}

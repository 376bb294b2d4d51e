package org.duban.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The VALIDATION mistakes of one input found so far, for checks that go on after a mistake so that the caller learns
 * all of them at once (a plan file with five mistakes gets five errors). Other failures pass through at once.
 */
public final class Mistakes {

    /** More than this many say enough: the answer stays small whatever the input. */
    public static final int MOST = 100;

    private final List<DubanException> found = new ArrayList<>();

    /** The check's value, or null when it found a mistake, which is noted. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (DubanException e) {
            note(e);
            return null;
        }
    }

    public void check(Runnable check) {
        check(() -> {
            check.run();
            return null;
        });
    }

    public void note(DubanException mistake) {
        if (mistake.code() != ErrorCode.VALIDATION) {
            throw mistake;
        }
        if (found.size() < MOST) {
            found.add(mistake);
        }
    }

    public boolean any() {
        return !found.isEmpty();
    }

    /** Throws all mistakes noted as one failure; nothing when there are none. */
    public void throwIfAny() {
        if (any()) {
            throw found.size() == 1 ? found.get(0) : new Found(found);
        }
    }

    /** Several mistakes at once: each becomes a GraphQL error of its own, with its field. */
    public static final class Found extends DubanException {

        private final List<DubanException> all;

        Found(List<DubanException> all) {
            super(ErrorCode.VALIDATION, all.size() + (all.size() == MOST ? " or more" : "") + " mistakes, the first "
                    + all.get(0).getMessage(), all.get(0).field());
            this.all = List.copyOf(all);
        }

        public List<DubanException> all() {
            return all;
        }
    }
}

package org.castkeeper.admin.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.castkeeper.errors.Refusal;

/**
 * Everything wrong with a form, found in one pass: each field with its message, in the order of the form. The page
 * shows them all at once, by their fields and in a list at the top; nothing is saved until none is left.
 */
public final class FormProblems extends Refusal {
    private final Map<String, String> problems;

    private FormProblems(Map<String, String> problems) {
        super(Kind.INVALID, problems.keySet().iterator().next(), summary(problems));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    @Override
    public Map<String, String> problems() {
        return problems;
    }

    /** Collects the problems of one form, then refuses with all of them (or with none: nothing to say). */
    public static final class Collector {
        private final Map<String, String> found = new LinkedHashMap<>();

        public interface Check<T> {
            T run() throws Refusal;
        }

        /** The value {@code check} gives, or null with its problem noted against {@code field}. */
        public <T> T check(String field, Check<T> check) {
            try {
                return check.run();
            } catch (Refusal refused) {
                found.putIfAbsent(refused.field() != null ? refused.field() : field, refused.getMessage());
                return null;
            }
        }

        public void add(String field, String message) {
            found.putIfAbsent(field, message);
        }

        public void throwIfAny() throws FormProblems {
            if (!found.isEmpty()) {
                throw new FormProblems(found);
            }
        }
    }

    private static String summary(Map<String, String> problems) {
        return problems.size() == 1
                ? problems.values().iterator().next()
                : problems.size() + " things to fix: " + String.join(" ", problems.values());
    }
}

package io.realtimeblog.doctor;

/**
 * The outcome of one check: one line for the operator, and when it failed, what to do about it.
 *
 * @param name short name of what was checked
 * @param passed whether it is fine
 * @param detail what was found (a fact, with figures)
 * @param fix a concrete next step when it failed; {@code null} when it passed
 */
record CheckResult(String name, boolean passed, String detail, String fix) {

    static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail, null);
    }

    static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(name, false, detail, fix);
    }
}

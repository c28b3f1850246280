package io.incident.intake.pii;

/** The personal data R-REP-6 names, as far as a pattern can find it. */
public enum PiiKind {
    SSN, TIN, DATE_OF_BIRTH, PERSONAL_EMAIL, PHONE_NUMBER
}

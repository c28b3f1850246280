package io.incident.intake.pii;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PiiDetectorTest {

    private final PiiDetector detector = new PiiDetector(Set.of("freemail.example.net"));

    @Test
    @DisplayName("R-REP-6 an SSN is found and removed")
    void ssn() {
        PiiDetector.Scan scan = detector.scan("Customer 123-45-6789 cannot log in");
        assertThat(scan.kinds()).containsExactly(PiiKind.SSN);
        assertThat(scan.redacted()).isEqualTo("Customer [redacted ssn] cannot log in").doesNotContain("6789");
        assertThat(detector.scan("SSN: 123456789").kinds()).containsExactly(PiiKind.SSN);
    }

    @Test
    @DisplayName("R-REP-6 a TIN (EIN or ITIN) is found and removed")
    void tin() {
        assertThat(detector.scan("Vendor EIN 12-3456789 rejected").kinds()).containsExactly(PiiKind.TIN);
        assertThat(detector.scan("ITIN 912-70-1234 on the form").kinds()).containsExactly(PiiKind.TIN);
    }

    @Test
    @DisplayName("R-REP-6 a date of birth is found when it is said to be one; other dates are not PII")
    void dateOfBirth() {
        PiiDetector.Scan scan = detector.scan("Jane Roe, DOB: 04/12/1985, sees a blank page");
        assertThat(scan.kinds()).containsExactly(PiiKind.DATE_OF_BIRTH);
        assertThat(scan.redacted()).isEqualTo("Jane Roe, DOB: [redacted date of birth], sees a blank page");
        assertThat(detector.scan("Jon Doe born on March 3, 1990").kinds()).containsExactly(PiiKind.DATE_OF_BIRTH);
        assertThat(detector.scan("Deploy on 2026-11-21 at 14:05 broke checkout").found()).isFalse();
    }

    @Test
    @DisplayName("R-REP-6 a personal e-mail address is found; a work or system address is not")
    void personalEmail() {
        PiiDetector.Scan scan = detector.scan("Reported by jane.roe@freemail.example.net and ops@example.org");
        assertThat(scan.kinds()).containsExactly(PiiKind.PERSONAL_EMAIL);
        assertThat(scan.redacted()).isEqualTo("Reported by [redacted personal email] and ops@example.org");
        assertThat(new PiiDetector().scan("from someone@gmail.com").kinds()).containsExactly(PiiKind.PERSONAL_EMAIL);
    }

    @Test
    @DisplayName("R-REP-6 phone numbers are found in the usual forms; IP addresses and versions are not")
    void phoneNumbers() {
        assertThat(detector.scan("call +1 555-201-3344").kinds()).containsExactly(PiiKind.PHONE_NUMBER);
        assertThat(detector.scan("call (555) 201-3344 now").redacted()).isEqualTo("call [redacted phone number] now");
        assertThat(detector.scan("office +44 20 7946 0958").kinds()).containsExactly(PiiKind.PHONE_NUMBER);
        assertThat(detector.scan("sms +15552013344").kinds()).containsExactly(PiiKind.PHONE_NUMBER);
        assertThat(detector.scan("host 192.168.100.200 on v1.2.3, error 502, 30% of 1200 requests").found())
                .isFalse();
    }

    @Test
    @DisplayName("several kinds in one text are all removed")
    void several() {
        PiiDetector.Scan scan = detector.scan("SSN 123-45-6789, phone 555-201-3344, mail a.b@freemail.example.net");
        assertThat(scan.kinds()).containsExactlyInAnyOrder(PiiKind.SSN, PiiKind.PHONE_NUMBER,
                PiiKind.PERSONAL_EMAIL);
        assertThat(scan.redacted()).doesNotContain("6789", "3344", "a.b@");
    }

    @Test
    void nothing() {
        assertThat(detector.scan("Checkout returns 502 since 14:05").found()).isFalse();
        assertThat(detector.scan(null).found()).isFalse();
    }
}

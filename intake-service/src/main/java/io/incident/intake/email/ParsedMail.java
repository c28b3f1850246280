package io.incident.intake.email;

import java.util.List;

/**
 * A mail as intake reads it. {@code from} is the reporter's address: personal data, kept in intake only.
 *
 * @param threadIds    the Message-IDs this mail answers (In-Reply-To, then References), newest first
 * @param recipients   how many people it was addressed to (To and Cc), for R-REP-4
 */
public record ParsedMail(String messageId, List<String> threadIds, String from, String subject, String text,
                         List<Attachment> attachments, int recipients, List<String> addressees) {

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public boolean isReply() {
        return !threadIds.isEmpty();
    }
}

package org.anning.cases;

/** A file as it arrives with a report. */
public record AttachmentUpload(String fileName, byte[] content) {
}

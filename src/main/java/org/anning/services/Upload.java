package org.anning.services;

/** A file as it arrives, for one of the application's requirements. */
public record Upload(String requirement, String fileName, byte[] content) {
}

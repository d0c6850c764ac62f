package dev.granary.storage;

import java.time.Instant;

/** Another node this one may fetch sector files from (its token is never shown). */
public record RemoteInfo(String name, String url, Instant addedAt) {}

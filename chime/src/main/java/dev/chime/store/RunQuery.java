package dev.chime.store;

import dev.chime.schedule.RunStatus;

/**
 * A page of a namespace's runs, newest first.
 *
 * @param schedule only this schedule's runs, or null for all
 * @param status only runs in this status, or null for all
 * @param limit at most this many (1-500)
 * @param cursor the {@code next} of the previous page, or null for the first
 */
public record RunQuery(String schedule, RunStatus status, int limit, String cursor) {}

package dev.chime.store;

import dev.chime.schedule.Run;
import java.util.List;

/** A page of runs and the cursor of the next page (null on the last). */
public record RunPage(List<Run> runs, String next) {}

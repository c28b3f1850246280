package io.incident.commander.rotation;

/**
 * How long one person's turn on a layer lasts. Daily and weekly turns follow the wall clock of the schedule's time
 * zone, so a 09:00 hand-off stays at 09:00 across daylight-saving changes (a turn is then 23 or 25 hours long);
 * hourly and custom turns are exact durations.
 */
public enum TurnLength {
    HOURLY, DAILY, WEEKLY, CUSTOM
}

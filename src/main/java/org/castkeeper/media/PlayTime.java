package org.castkeeper.media;

/** Play time written for people: "3:07", "1:02:03". */
public final class PlayTime {
    private PlayTime() {}

    /** Minutes and seconds, with hours only when there are any. */
    public static String of(long seconds) {
        return seconds >= 3600 ? hours(seconds) : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Always with hours, for columns that line up: "0:03:07". */
    public static String hours(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}

package org.castkeeper.admin.distribution;

import java.util.List;
import org.castkeeper.admin.settings.ShowForm;
import org.castkeeper.distribution.Check;

/**
 * What the distribution page shows: per directory, the steps to submit the show, the checks, and the listing URL.
 *
 * @param saved    a message after the listings were saved, or null
 * @param problems the listing fields that are wrong ("listing-apple" ...), with what is wrong
 */
public record DistributionPage(
        String csrf,
        String feedUrl,
        List<Entry> directories,
        List<List<String>> feedSettings,
        String saved,
        java.util.Map<String, String> problems) {

    /** Where on the settings page the host fixes {@code check}, or null when the fix is not a show setting. */
    public static String fixLink(Check check) {
        return check.setting() == null ? null : "/admin/settings#" + ShowForm.fieldOfKey(check.setting());
    }

    /**
     * One directory's part of the page.
     *
     * @param listingUrl     the listing address saved, or as typed when it was refused
     * @param listingProblem what is wrong with the typed listing address, or null
     */
    public record Entry(
            String code,
            String title,
            String submitUrl,
            String listingUrl,
            String listingProblem,
            long failing,
            long warnings,
            List<Check> checks) {

        /** After signing in at {@link #submitUrl}: what to do there, what the directory checks, how long it takes. */
        public List<String> steps() {
            return switch (code) {
                case "apple" ->
                    List.of(
                            "Choose the + button, then New Show, then \"Add a show with an RSS feed\", and paste the feed"
                                    + " address above.",
                            "Apple reads the feed: the artwork (a square JPEG or PNG of 1400 to 3000 pixels), the"
                                    + " category, the language, the explicit setting, and that the audio answers HEAD and"
                                    + " byte-range requests. The checks below are the same ones.",
                            "Choose where the show is available, then Submit for Review. Apple's review takes from a"
                                    + " few hours to a few days; Apple mails the account when it is done.",
                            "Once the show is listed, open it in Apple Podcasts, copy its address (it starts with"
                                    + " https://podcasts.apple.com/) and paste it under Your listings below.");
                case "spotify" ->
                    List.of(
                            "Choose to add a podcast you already host somewhere else, and paste the feed address"
                                    + " above.",
                            "Spotify mails an 8-digit code to the owner email in the feed: it must be an address you"
                                    + " read, and not hidden until Spotify has verified the show. Type the code in.",
                            "Add the category and language, then Submit. The show is usually on Spotify within a few"
                                    + " hours. Spotify copies the audio to its own servers, so its plays are not in Stats.",
                            "Copy the show's address (it starts with https://open.spotify.com/show/) and paste it under"
                                    + " Your listings below.");
                case "youtube" ->
                    List.of(
                            "Sign in with the channel the show should belong to. Choose Create, then New podcast, then"
                                    + " \"Submit RSS feed\", and paste the feed address above.",
                            "YouTube mails a verification code to the owner email in the feed: keep the email in the"
                                    + " feed until the show is verified.",
                            "Choose which earlier episodes to bring in. YouTube turns each into a video with the"
                                    + " artwork as its picture, usually within a day, and takes new episodes from the"
                                    + " feed; later edits to an episode are not picked up.",
                            "Copy the show's address in YouTube Music (it starts with https://music.youtube.com/) and"
                                    + " paste it under Your listings below.");
                default -> List.of();
            };
        }
    }
}

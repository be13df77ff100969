package org.castkeeper;

import java.io.IOException;
import java.time.Clock;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.ShowRepository;
import org.castkeeper.config.AppConfig;
import org.castkeeper.db.Database;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.Mp3Probe;

/**
 * The parts of a running Castkeeper, built once from the configuration: the one place that knows how they fit
 * together. Commands and the web server take what they need from here.
 */
public final class Castkeeper implements AutoCloseable {
    private final AppConfig config;
    private final Clock clock;
    private final Database database;
    private final EpisodeRepository episodes;
    private final MediaFolder media;
    private final EpisodeImporter importer;

    private Castkeeper(AppConfig config, Clock clock, Database database, MediaFolder media) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.media = media;
        int showId = new ShowRepository(database.dsl(), clock).ensure(ShowRepository.DEFAULT_SHOW);
        this.episodes = new EpisodeRepository(database.dsl(), showId, clock);
        this.importer = new EpisodeImporter(episodes, media, new Mp3Probe(), config.timeZone());
    }

    /** Opens the catalogue (migrating it if needed) and the media folder. */
    public static Castkeeper open(AppConfig config, Clock clock) throws IOException {
        MediaFolder media = new MediaFolder(config.episodesDir());
        media.removeLeftovers();
        Database database = Database.open(config.databaseUrl(), config.database().user(), config.database().password());
        try {
            return new Castkeeper(config, clock, database, media);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public EpisodeRepository episodes() {
        return episodes;
    }

    public MediaFolder media() {
        return media;
    }

    public EpisodeImporter importer() {
        return importer;
    }

    @Override
    public void close() {
        database.close();
    }
}

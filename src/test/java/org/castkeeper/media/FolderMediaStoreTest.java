package org.castkeeper.media;

/** The media store contract, on the local folder (data/media). */
class FolderMediaStoreTest extends MediaStoreContract {
    @Override
    protected MediaStore newStore() throws Exception {
        return new MediaFolder(scratch.resolve("media"));
    }
}

package org.castkeeper.storage;

import org.castkeeper.media.MediaStore;
import org.castkeeper.media.MediaStoreContract;
import org.castkeeper.testing.S3Proxy;
import org.junit.jupiter.api.AfterEach;

/** The media store contract, on a bucket of a real S3-compatible server (S3Proxy in a JVM of its own). */
class BucketStoreContractIT extends MediaStoreContract {
    private BucketStore bucket;

    @Override
    protected MediaStore newStore() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        bucket = BucketStore.open(
                new BucketStore.Settings(
                        proxy.endpoint(),
                        "us-east-1",
                        proxy.newBucket(),
                        "media/",
                        true,
                        BucketCredentials.of(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY)),
                scratch.resolve("spool"));
        return bucket;
    }

    @AfterEach
    void close() {
        if (bucket != null) {
            bucket.close();
        }
    }
}

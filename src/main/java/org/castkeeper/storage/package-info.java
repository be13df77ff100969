/**
 * Media in an S3-compatible bucket ({@link org.castkeeper.storage.BucketStore}, a
 * {@link org.castkeeper.media.MediaStore}), the keys to it ({@link org.castkeeper.storage.BucketCredentials}),
 * and moving a show's files between a folder and a bucket ({@link org.castkeeper.storage.MediaMigration}).
 */
package org.castkeeper.storage;

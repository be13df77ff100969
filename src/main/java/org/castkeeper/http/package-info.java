/**
 * HTTP primitives the feature packages answer with, without knowing the server: {@link org.castkeeper.http.Exchange}
 * (one request and its response, as the podcatcher path sees them), conditional-request rules
 * ({@link org.castkeeper.http.HttpCaching}) and memory-mapped file windows. It depends on no other package of
 * Castkeeper's; {@code web} builds the server around it.
 */
package org.castkeeper.http;

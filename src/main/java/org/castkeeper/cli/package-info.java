/** The command line: {@code castkeeper serve | import | episodes}, built on picocli. */
package org.castkeeper.cli;

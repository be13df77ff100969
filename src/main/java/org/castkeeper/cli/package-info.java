/**
 * The command line, built on picocli ({@link org.castkeeper.cli.Main} lists every command): {@code serve},
 * {@code import}, {@code import-feed}, {@code episodes}, {@code show}, {@code export}, {@code stats}, {@code user},
 * {@code check}, {@code backup}, {@code restore}, {@code doctor} and {@code media migrate}.
 */
package org.castkeeper.cli;

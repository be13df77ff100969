/**
 * The command line, built on picocli: {@code serve}, {@code import}, {@code episodes}, {@code user}, {@code check},
 * {@code backup}, {@code restore} and {@code doctor}.
 */
package org.castkeeper.cli;
